package org.w3id.srkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.pipeline.Pipeline;

/** The ontology is OWL 2 DL, and HermiT finds it, and it with the curated data, consistent and coherent. */
class OntologyReasoningTest {

    @Test
    void ontologyIsInTheOwl2DlProfileAndFullyReadByTheOwlApi() throws Exception {
        OwlDocuments.Loaded loaded = OwlDocuments.load(OwlDocuments.ontologyGraph());

        assertEquals(List.of(), loaded.unparsed(), "triples the OWL API could not turn into axioms");
        List<OWLProfileViolation> violations = new OWL2DLProfile().checkOntology(loaded.ontology()).getViolations();
        assertTrue(violations.isEmpty(), () -> violations.size() + " OWL 2 DL violations:\n"
                + violations.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void ontologyIsConsistentAndEveryClassSatisfiable() throws Exception {
        OWLOntology ontology = OwlDocuments.load(OwlDocuments.ontologyGraph()).ontology();
        OWLReasoner hermit = new ReasonerFactory().createReasoner(ontology);
        try {
            assertTrue(hermit.isConsistent(), "HermiT: the ontology is inconsistent");
            Set<OWLClass> unsatisfiable = hermit.getUnsatisfiableClasses().getEntitiesMinusBottom();
            assertEquals(Set.of(), unsatisfiable, "HermiT: unsatisfiable classes");
        } finally {
            hermit.dispose();
        }
    }

    /** The built dataset minus the shapes graph: ontology, entities, articles, claims and metadata. */
    @Test
    void ontologyWithTheCuratedDataIsConsistent() throws Exception {
        DatasetGraph dataset = Pipeline.build(OwlDocuments.ROOT);
        List<Graph> graphs = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(g -> {
            if (!g.equals(Namespaces.SHAPES_GRAPH)) {
                graphs.add(dataset.getGraph(g));
            }
        });
        assertTrue(isConsistent(OwlDocuments.union(graphs)), "HermiT: the ontology with the curated data is inconsistent");
    }

    /**
     * xsd:gYear and xsd:gYearMonth are not OWL 2 datatypes, yet the model writes dates at the precision the article
     * gives; HermiT must take them in data property assertions, or the check above would break on the first
     * claim that carries a year.
     */
    @Test
    void datesAtArticlePrecisionAreAcceptedByHermit() throws Exception {
        assertTrue(isConsistent(withOntology("src/test/resources/reasoning/dates.ttl")));
    }

    /** Proves the consistency check above can fail: a figure whose amount is not a number breaks a range. */
    @Test
    void anAmountThatIsNotANumberMakesTheDataInconsistent() throws Exception {
        assertFalse(isConsistent(withOntology("src/test/resources/reasoning/inconsistent-amount.ttl")));
    }

    private static Graph withOntology(String dataFile) throws Exception {
        return OwlDocuments.union(List.of(OwlDocuments.ontologyGraph(), RDFDataMgr.loadGraph(dataFile)));
    }

    private static boolean isConsistent(Graph graph) throws Exception {
        OWLReasoner hermit = new ReasonerFactory().createReasoner(OwlDocuments.load(graph).ontology());
        try {
            return hermit.isConsistent();
        } finally {
            hermit.dispose();
        }
    }
}
