package org.w3id.srkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.pipeline.PipelineException;

/** The ontology says what release it is, under which licence, and what each of its terms means. */
class OntologyMetadataTest {

    private static final Path EXEMPTIONS = Path.of("src/test/resources/ontology/domain-range-exemptions.txt");
    private static Model ontology;

    @BeforeAll
    static void load() throws PipelineException {
        ontology = ModelFactory.createModelForGraph(OwlDocuments.ontologyGraph());
    }

    @Test
    void ontologyHeaderStampsTheRelease() {
        List<Resource> headers = ontology.listSubjectsWithProperty(RDF.type, OWL2.Ontology).toList();
        assertEquals(1, headers.size(), () -> "owl:Ontology headers: " + headers);
        Resource header = headers.get(0);
        List<String> missing = new ArrayList<>();
        for (Property p : List.of(OWL2.versionIRI, OWL2.versionInfo, DCTerms.license, DCTerms.creator,
                DCTerms.created, DCTerms.modified)) {
            if (!header.hasProperty(p)) {
                missing.add(ontology.shortForm(p.getURI()));
            }
        }
        assertEquals(List.of(), missing, "missing on " + header);
        String versionInfo = header.getProperty(OWL2.versionInfo).getString();
        assertTrue(header.getPropertyResourceValue(OWL2.versionIRI).getURI().endsWith("/" + versionInfo),
                "owl:versionIRI should end with owl:versionInfo " + versionInfo);
    }

    @Test
    void everySrkgClassAndPropertyHasALabelAndADefinition() {
        List<String> problems = select("""
                SELECT ?term ?lacks WHERE {
                  ?term a ?kind .
                  VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty }
                  FILTER(STRSTARTS(STR(?term), "%s"))
                  { FILTER NOT EXISTS { ?term rdfs:label ?label } BIND("rdfs:label" AS ?lacks) }
                  UNION
                  { FILTER NOT EXISTS { ?term skos:definition|rdfs:comment ?d } BIND("a definition" AS ?lacks) }
                } ORDER BY ?term ?lacks""".formatted(Namespaces.ONTOLOGY),
                s -> s.getResource("term").getLocalName() + " lacks " + s.getLiteral("lacks").getString());
        assertEquals(List.of(), problems);
    }

    /** A property without a domain or range must be listed, with the reason, in domain-range-exemptions.txt. */
    @Test
    void propertiesHaveDomainAndRangeUnlessExempted() throws IOException {
        List<String> lacking = select("""
                SELECT DISTINCT ?p WHERE {
                  ?p a ?kind . VALUES ?kind { owl:ObjectProperty owl:DatatypeProperty }
                  FILTER(STRSTARTS(STR(?p), "%s"))
                  FILTER(NOT EXISTS { ?p rdfs:subPropertyOf*/rdfs:domain ?d }
                      || NOT EXISTS { ?p rdfs:subPropertyOf*/rdfs:range ?r })
                } ORDER BY ?p""".formatted(Namespaces.ONTOLOGY), s -> s.getResource("p").getLocalName());
        Map<String, String> exempt = exemptions();
        System.out.println("srkg properties without domain or range (exempted): " + lacking);

        TreeSet<String> unexplained = new TreeSet<>(lacking);
        unexplained.removeAll(exempt.keySet());
        assertEquals(new TreeSet<>(), unexplained, "properties without rdfs:domain or rdfs:range: add them, or list"
                + " the property with the reason in " + EXEMPTIONS);
        TreeSet<String> stale = new TreeSet<>(exempt.keySet());
        stale.removeAll(lacking);
        assertEquals(new TreeSet<>(), stale, "listed in " + EXEMPTIONS + " but not (or no longer) lacking");
    }

    private static Map<String, String> exemptions() throws IOException {
        Map<String, String> exempt = new TreeMap<>();
        for (String line : Files.readAllLines(EXEMPTIONS)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\t", 2);
                assertTrue(parts.length == 2 && !parts[1].isBlank(), () -> "no reason given: " + line);
                exempt.put(parts[0], parts[1]);
            }
        }
        return exempt;
    }

    private static List<String> select(String where, Function<QuerySolution, String> row) {
        String query = """
                PREFIX owl:  <http://www.w3.org/2002/07/owl#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                """ + where;
        List<String> rows = new ArrayList<>();
        try (QueryExecution exec = QueryExecution.create(query, ontology)) {
            exec.execSelect().forEachRemaining(s -> rows.add(row.apply(s)));
        }
        return rows;
    }
}
