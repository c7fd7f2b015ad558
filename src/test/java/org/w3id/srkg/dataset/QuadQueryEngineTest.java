package org.w3id.srkg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.pipeline.Pipeline;

/**
 * The quad-form engine must answer exactly as ARQ's main engine: every competency question, and the shapes of
 * {@code GRAPH ?g} it converts or leaves alone, run over the curated graph in srkg's store and over a copy of it in
 * Jena's general dataset (which the main engine serves), with the same union default graph.
 */
class QuadQueryEngineTest {

    private static final String PREFIXES = """
            PREFIX srkg: <https://w3id.org/srkg/ontology#>
            PREFIX id: <https://w3id.org/srkg/id/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;

    /** Shapes of GRAPH ?g: quad patterns with OPTIONAL, UNION, FILTER, MINUS, VALUES; and what stays with ARQ. */
    private static final List<String> SHAPES = List.of(
            "SELECT ?g ?s WHERE { GRAPH ?g { ?s a srkg:Quote ; srkg:speaker id:xi-jinping } }",
            "SELECT ?g ?s ?about WHERE { GRAPH ?g { ?s a srkg:Quote OPTIONAL { ?s srkg:about ?about } } }",
            "SELECT ?g ?x WHERE { GRAPH ?g { { ?x srkg:speaker ?y } UNION { ?x srkg:holder ?y } } }",
            "SELECT ?g ?s WHERE { GRAPH ?g { ?s a ?t FILTER(?t != srkg:Quote) } }",
            "SELECT ?g ?s WHERE { GRAPH ?g { ?s a srkg:Quote MINUS { ?s srkg:speaker id:vladimir-putin } } }",
            "SELECT ?g ?s WHERE { VALUES ?g { <https://w3id.org/srkg/graph/article/003> } GRAPH ?g { ?s a ?t } }",
            "SELECT ?g ?h ?s WHERE { GRAPH ?g { ?s a srkg:Quote } GRAPH ?h { ?s srkg:speaker ?p } }",
            "SELECT ?e (COUNT(DISTINCT ?g) AS ?n) WHERE { ?e a srkg:Person . GRAPH ?g { ?x ?p ?e } } GROUP BY ?e",
            "SELECT ?g WHERE { GRAPH ?g { } }",
            "SELECT ?g ?c WHERE { GRAPH ?g { ?c rdfs:subClassOf+ srkg:Event } }",
            "SELECT ?g ?s ?t WHERE { GRAPH ?g { ?s srkg:speaker ?p GRAPH <https://w3id.org/srkg/graph/entities> { ?p a ?t } } }",
            "SELECT ?g ?s WHERE { GRAPH ?g { ?s srkg:no-such-property ?o } }",
            "ASK { GRAPH ?g { id:vladimir-putin ?p ?o } }");

    private static DatasetGraph store;
    private static DatasetGraph general;

    @BeforeAll
    static void build() throws Exception {
        DatasetGraph built = Pipeline.build(Path.of(""));
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        built.find().forEachRemaining(copy::add);
        store = new UnionDefaultGraph(built);
        general = new UnionDefaultGraph(copy);
    }

    static Stream<String> queries() throws IOException {
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/cq"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                queries.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        SHAPES.forEach(q -> queries.add(PREFIXES + q));
        return queries.stream();
    }

    @Test
    void chosenForSrkgsStoreOnly() {
        Query query = QueryFactory.create("SELECT * { GRAPH ?g { ?s ?p ?o } }");
        assertTrue(QueryEngineRegistry.findFactory(query, store, Context.emptyContext()) instanceof QuadQueryEngine);
        assertNotEquals(QuadQueryEngine.class,
                QueryEngineRegistry.findFactory(query, general, Context.emptyContext()).getClass());
    }

    @ParameterizedTest
    @MethodSource("queries")
    void answersAsTheMainEngine(String text) {
        Query query = QueryFactory.create(text);
        if (query.isAskType()) {
            assertEquals(QueryExec.dataset(general).query(query).ask(), QueryExec.dataset(store).query(query).ask());
            return;
        }
        RowSetRewindable expected = QueryExec.dataset(general).query(query).select().rewindable();
        RowSetRewindable actual = QueryExec.dataset(store).query(query).select().rewindable();
        assertTrue(expected.size() > 0 || text.contains("no-such-property"), "a query that finds nothing tests little");
        expected.reset();
        assertTrue(ResultSetCompare.equalsByTerm(expected, actual), () -> "different answers to\n" + text);
    }
}
