package org.w3id.srkg.ontology;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.RDFTriple;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.w3id.srkg.pipeline.PipelineException;
import org.w3id.srkg.pipeline.SeedLayout;
import org.w3id.srkg.pipeline.SeedFile.Role;
import org.w3id.srkg.pipeline.TurtleParser;

/**
 * Hands srkg graphs to the OWL API as one Turtle document. The ontology files are merged with Jena first:
 * read on its own, vocab.ttl does not see srkg.ttl's declaration of skos:inScheme as an object property, and
 * the OWL API makes its triples annotations.
 */
final class OwlDocuments {

    /** The repository root: Maven runs tests in the project folder. */
    static final Path ROOT = Path.of("");

    private OwlDocuments() {
    }

    /** ontology/*.ttl except shapes.ttl, exactly the files the pipeline puts into the ontology graph. */
    static Graph ontologyGraph() throws PipelineException {
        return TurtleParser.parse(SeedLayout.scan(ROOT)).merge(Role.ONTOLOGY);
    }

    static Graph union(List<Graph> graphs) {
        Graph union = GraphFactory.createDefaultGraph();
        graphs.forEach(g -> g.find().forEachRemaining(union::add));
        return union;
    }

    record Loaded(OWLOntology ontology, List<RDFTriple> unparsed) {
    }

    static Loaded load(Graph graph) throws OWLOntologyCreationException {
        StringWriter turtle = new StringWriter();
        RDFDataMgr.write(turtle, graph, Lang.TURTLE);
        OWLOntology ontology = OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(
                new StringDocumentSource(turtle.toString(), "urn:srkg:merged", new TurtleDocumentFormat(), null));
        List<RDFTriple> unparsed = ((RDFDocumentFormat) ontology.getFormat()).getOntologyLoaderMetaData()
                .map(m -> m.getUnparsedTriples().toList()).orElse(List.of());
        return new Loaded(ontology, unparsed);
    }
}
