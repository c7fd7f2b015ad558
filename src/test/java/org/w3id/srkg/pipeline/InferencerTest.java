package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.dataset.UnionDefaultGraph;
import org.w3id.srkg.support.Fixtures;

/**
 * The inferred graph of the fixture {@code inference} and of the repository's seeds: complete for the
 * entailments listed in {@link Inferencer}, and nothing more. The checks are the queries in
 * src/test/resources/entailments (each must return no row); the fixture's expected/*.ttl pin single cases.
 */
class InferencerTest {

    private static final Path FIXTURE = Fixtures.root("inference");
    private static final Path REAL = Path.of("");
    private static final Path CHECKS = Path.of("src/test/resources/entailments");
    private static final String PREFIXES = "PREFIX srkg: <https://w3id.org/srkg/ontology#>\n"
            + "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n";

    private static Map<Path, DatasetGraph> built;

    @BeforeAll
    static void build() throws PipelineException {
        built = Map.of(FIXTURE, Pipeline.build(FIXTURE), REAL, Pipeline.build(REAL));
    }

    static Stream<Arguments> checksOnEachSeedRoot() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(CHECKS)) {
            for (Path check : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                cases.add(Arguments.of(check.getFileName().toString(), "fixture", FIXTURE));
                cases.add(Arguments.of(check.getFileName().toString(), "repository", REAL));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on the {1} seeds")
    @MethodSource("checksOnEachSeedRoot")
    void entailmentCheckReturnsNoRow(String check, String label, Path root) throws IOException {
        String query = Files.readString(CHECKS.resolve(check));
        try (QueryExecution execution = QueryExecution.dataset(union(built.get(root))).query(query).build()) {
            List<String> rows = new ArrayList<>();
            execution.execSelect().forEachRemaining(row -> rows.add(row.toString()));
            assertEquals(List.of(), rows, check);
        }
    }

    static Stream<Triple> entailed() {
        return RDFDataMgr.loadGraph(FIXTURE.resolve("expected/entailed.ttl").toString()).find().toList().stream();
    }

    @ParameterizedTest
    @MethodSource("entailed")
    void fixtureEntailmentIsInTheInferredGraph(Triple triple) {
        assertTrue(built.get(FIXTURE).getGraph(Namespaces.INFERRED_GRAPH).contains(triple), triple::toString);
    }

    static Stream<Triple> notEntailed() {
        return RDFDataMgr.loadGraph(FIXTURE.resolve("expected/not-entailed.ttl").toString()).find().toList().stream();
    }

    @ParameterizedTest
    @MethodSource("notEntailed")
    void fixtureNonEntailmentIsInNoGraph(Triple triple) {
        assertFalse(built.get(FIXTURE).contains(Node.ANY, triple.getSubject(), triple.getPredicate(), triple.getObject()),
                triple::toString);
    }

    @Test
    void articleAndEntityGraphsHoldExactlyWhatTheSeedsAssert() throws PipelineException {
        for (Path root : List.of(FIXTURE, REAL)) {
            DatasetGraph assembled = DatasetAssembler.assemble(Pipeline.check(root));
            DatasetGraph dataset = built.get(root);
            assembled.listGraphNodes().forEachRemaining(g -> {
                Graph before = assembled.getGraph(g);
                Graph after = dataset.getGraph(g);
                assertEquals(Set.copyOf(before.find().toList()), Set.copyOf(after.find().toList()), g::getURI);
            });
            assertFalse(dataset.getGraph(Namespaces.INFERRED_GRAPH).isEmpty(), root::toString);
        }
    }

    @Test
    void repositoryStateVisitsAreEventsAndSemEventsWithTheirCameoType() {
        assertAsk("every state visit is an srkg:Event and a sem:Event, and at least one exists", """
                ASK { FILTER EXISTS { ?v a srkg:StateVisit }
                      FILTER NOT EXISTS { ?v a srkg:StateVisit FILTER NOT EXISTS { ?v a srkg:Event, sem:Event } } }""");
        assertAsk("a state visit has the event type with CAMEO code 042 (make a visit)", """
                ASK { GRAPH <https://w3id.org/srkg/graph/inferred> { ?v srkg:eventType ?type }
                      ?v a srkg:StateVisit . ?type srkg:cameoCode "042" }""");
    }

    @Test
    void repositoryRelationsAreClaims() {
        assertAsk("every relation is a claim, and at least one exists", """
                ASK { FILTER EXISTS { ?r a srkg:Relation }
                      FILTER NOT EXISTS { ?r a srkg:Relation FILTER NOT EXISTS { ?r a srkg:Claim } } }""");
    }

    @Test
    void queriesCanLeaveTheInferredGraphOut() {
        assertAsk("a state visit is an srkg:Event only by inference", """
                ASK { ?v a srkg:StateVisit
                      FILTER NOT EXISTS { GRAPH ?g { ?v a srkg:Event } FILTER(?g != <https://w3id.org/srkg/graph/inferred>) } }""");
    }

    /**
     * The rule of ontology/README.md, "Time-bounded relations": a relation that held for a period is a srkg:Relation
     * with its interval, which no rule reads, so every entailed srkg:partOf follows from timeless statements alone
     * and holds whenever they do. Here on a small dataset: Vladivostok formerly part of Manchuria (until 1860),
     * Manchuria part of the Qing Empire, and a timeless part-of beside them.
     */
    @Test
    void noEntailedPartOfOutlivesATimeBoundedStatement() {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(dataset.getGraph(Namespaces.ONTOLOGY_GRAPH), "ontology/srkg.ttl");
        RDFDataMgr.read(dataset.getGraph(Namespaces.ONTOLOGY_GRAPH), "ontology/vocab.ttl");
        Graph article = dataset.getGraph(Namespaces.graph("article/002"));
        RDFParser.fromString("""
                PREFIX srkg: <https://w3id.org/srkg/ontology#>
                PREFIX id:   <https://w3id.org/srkg/id/>
                PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
                <https://w3id.org/srkg/id/claim/002/formerly> a srkg:Relation ;
                    srkg:relationType srkg:PartOfTerritory ; srkg:holder id:vladivostok ; srkg:counterpart id:manchuria ;
                    srkg:endDate "1860"^^xsd:gYear .
                id:manchuria srkg:partOf id:qing-empire .
                id:harbin srkg:partOf id:manchuria .
                """, Lang.TURTLE).parse(article);
        dataset.begin(TxnType.WRITE);
        Inferencer.materialise(dataset);
        dataset.commit();
        Graph inferred = dataset.getGraph(Namespaces.INFERRED_GRAPH);
        Node partOf = NodeFactory.createURI(Namespaces.ONTOLOGY + "partOf");
        assertTrue(inferred.contains(id("harbin"), partOf, id("qing-empire")), "timeless statements still chain");
        assertFalse(dataset.contains(Node.ANY, id("vladivostok"), partOf, Node.ANY),
                "no part-of of Vladivostok holds for ever: " + inferred.find(id("vladivostok"), partOf, Node.ANY).toList());
    }

    /** On the repository's seeds: every entailed part-of follows from a chain of plain, asserted part-of triples. */
    @Test
    void repositoryPartOfEntailmentsComeFromTimelessStatementsOnly() {
        assertAsk("Vladivostok is part of Russia (article 004) and of nothing by way of its Qing past", """
                ASK { <https://w3id.org/srkg/id/vladivostok> srkg:partOf <https://w3id.org/srkg/id/russia>
                      FILTER NOT EXISTS { <https://w3id.org/srkg/id/vladivostok> srkg:partOf ?former
                                          VALUES ?former { <https://w3id.org/srkg/id/manchuria> <https://w3id.org/srkg/id/qing-empire> } } }""");
        assertAsk("no entailed part-of runs between the holder and counterpart of a time-bounded relation", """
                ASK { FILTER NOT EXISTS {
                        GRAPH ?g { ?r srkg:relationType srkg:PartOfTerritory ; srkg:holder ?h ; srkg:counterpart ?c }
                        GRAPH <https://w3id.org/srkg/graph/inferred> { ?h srkg:partOf ?x }
                        ?x srkg:partOf* ?c } }""");
    }

    private static Node id(String name) {
        return NodeFactory.createURI(Namespaces.ID + name);
    }

    private static void assertAsk(String message, String ask) {
        try (QueryExecution execution = QueryExecution.dataset(union(built.get(REAL))).query(PREFIXES + ask).build()) {
            assertTrue(execution.execAsk(), message);
        }
    }

    private static Dataset union(DatasetGraph dataset) {
        return DatasetFactory.wrap(new UnionDefaultGraph(dataset));
    }
}
