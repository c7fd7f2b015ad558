package org.w3id.srkg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.dataset.UnionDefaultGraph;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.support.Http;

/**
 * The example queries of {@code examples/queries/*.ttl}, read back from the graph the build puts them in (so this
 * also proves they are loaded): each is well described, parses, names the classes it says it shows, and answers
 * over the repository's seeds. Together they show every class of the ontology, and the server serves them.
 */
class ExampleQueriesTest {

    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Node SELECT = NodeFactory.createURI(SH + "select");
    private static final Node SUBJECT = NodeFactory.createURI("http://purl.org/dc/terms/subject");
    private static final Pattern ID = Pattern.compile(Pattern.quote(Namespaces.ID + "example/") + "(\\d{3})-[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SRKG_IRI = Pattern.compile("<" + Pattern.quote(Namespaces.ONTOLOGY) + "([A-Za-z0-9_]+)>");

    /** Built once: a parameterized source runs before any @BeforeAll could hand it the dataset. */
    private static final class Built {
        static final DatasetGraph DATASET = build();

        private static DatasetGraph build() {
            try {
                return Pipeline.build(Path.of(""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Graph examples() {
        return Built.DATASET.getGraph(Namespaces.EXAMPLES_GRAPH);
    }

    static List<String> examplesIds() {
        return examples().find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(SH + "SPARQLSelectExecutable"))
                .mapWith(t -> t.getSubject().getURI()).toList().stream().sorted().toList();
    }

    @Test
    void thereAreAtLeastTwentyFiveWithDistinctNumbers() {
        List<String> ids = examplesIds();
        assertTrue(ids.size() >= 25, () -> "only " + ids.size() + " examples");
        List<String> numbers = ids.stream().map(id -> matcher(id).group(1)).toList();
        assertEquals(numbers.size(), Set.copyOf(numbers).size(), () -> "two examples share a number: " + numbers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesIds")
    void isDescribedParsesShowsItsClassesAndAnswers(String id) {
        Node example = NodeFactory.createURI(id);
        assertTrue(matcher(id).matches(), id + " is not " + ID.pattern());
        assertTrue(examples().contains(example, RDF.type.asNode(), NodeFactory.createURI(SH + "SPARQLExecutable")),
                "typed sh:SPARQLExecutable too, so one pattern finds every kind of example");
        assertEquals(1, objects(example, RDFS.label.asNode()).size(), "one title (rdfs:label)");
        assertEquals(1, objects(example, RDFS.comment.asNode()).size(), "one description (rdfs:comment)");
        List<Node> select = objects(example, SELECT);
        assertEquals(1, select.size(), "one sh:select");

        Query query = QueryFactory.create(select.get(0).getLiteralLexicalForm());
        assertTrue(query.isSelectType(), "sh:select holds a SELECT query");
        Set<String> named = classesNamedBy(query);
        Set<String> subjects = objects(example, SUBJECT).stream().map(n -> local(n.getURI())).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(subjects.isEmpty(), "dcterms:subject names the srkg classes the example shows");
        assertTrue(named.containsAll(subjects), () -> "dcterms:subject " + subjects + " but the query names only " + named);

        try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.wrap(new UnionDefaultGraph(Built.DATASET)))
                .query(query).build()) {
            ResultSet rows = exec.execSelect();
            assertTrue(rows.hasNext(), id + " returns no row over the repository's seeds");
        }
    }

    @Test
    void togetherTheyShowEveryClassOfTheOntology() {
        Set<String> shown = new TreeSet<>();
        for (String id : examplesIds()) {
            String text = objects(NodeFactory.createURI(id), SELECT).get(0).getLiteralLexicalForm();
            shown.addAll(classesNamedBy(QueryFactory.create(text)));
        }
        Set<String> classes = Built.DATASET.getGraph(Namespaces.ONTOLOGY_GRAPH)
                .find(Node.ANY, RDF.type.asNode(), OWL2.Class.asNode())
                .mapWith(t -> t.getSubject()).filterKeep(n -> n.isURI() && n.getURI().startsWith(Namespaces.ONTOLOGY))
                .mapWith(n -> local(n.getURI())).toSet();
        Set<String> missing = new TreeSet<>(classes);
        missing.removeAll(shown);
        assertTrue(classes.size() > 50, "the ontology graph was read");
        assertEquals(Set.of(), missing, "classes no example query names: add them to an example in examples/queries/");
    }

    @Test
    void theServerServesItsOwnExamples() throws Exception {
        FusekiServer server = SparqlServer.start(Built.DATASET, "127.0.0.1", 0);
        try {
            String query = "PREFIX sh: <" + SH + "> SELECT ?q ?text WHERE { ?q a sh:SPARQLExecutable ; sh:select ?text }";
            Http http = new Http(server.getPort());
            String csv = http.send(http.request("/sparql")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/csv")
                    .POST(BodyPublishers.ofString("query=" + Http.encode(query)))).body();
            Set<String> served = new TreeSet<>();
            Matcher ids = ID.matcher(csv);
            while (ids.find()) {
                served.add(ids.group());
            }
            assertEquals(new TreeSet<>(examplesIds()), served, csv);

            // ... and offers them on its query page.
            String page = http.send(http.request("/query").GET()).body();
            for (String id : served) {
                String local = id.substring(id.lastIndexOf('/') + 1);
                assertTrue(page.contains("data-id=\"" + local + "\""), () -> local + " is not on the query page");
            }
        } finally {
            server.stop();
        }
    }

    /** The srkg: IRIs of a query, found in its serialisation without prefixes, where every IRI is written in full. */
    static Set<String> classesNamedBy(Query query) {
        Query copy = query.cloneQuery();
        copy.setPrefixMapping(PrefixMapping.Factory.create());
        Set<String> names = new TreeSet<>();
        Matcher iris = SRKG_IRI.matcher(copy.serialize());
        while (iris.find()) {
            names.add(iris.group(1));
        }
        return names;
    }

    private static List<Node> objects(Node subject, Node predicate) {
        return examples().find(subject, predicate, Node.ANY).mapWith(t -> t.getObject()).toList();
    }

    private static Matcher matcher(String id) {
        Matcher m = ID.matcher(id);
        m.matches();
        return m;
    }

    private static String local(String iri) {
        return iri.substring(iri.indexOf('#') + 1);
    }
}
