package org.w3id.srkg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.srkg.pipeline.DumpPublisher;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;
import org.w3id.srkg.support.Sha256;

/** The web face over real HTTP, on the fixture {@code web}: a person, a meeting, quotes, a figure, a script. */
class LinkedDataTest {

    private static final Node PUTIN = NodeFactory.createURI(Namespaces.ID + "vladimir-putin");
    private static final Node LABEL = RDFS.label.asNode();

    private static FusekiServer server;
    private static DatasetGraph dataset;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        dataset = Pipeline.build(Fixtures.root("web"));
        server = SparqlServer.start(dataset, "127.0.0.1", 0);
        http = new Http(server.getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "text/turtle, text/turtle",
            "application/ld+json, application/ld+json",
            "application/n-triples, application/n-triples",
            "application/rdf+xml, application/rdf+xml",
            "'application/rdf+xml;q=0.5, text/turtle', text/turtle",
            "'text/html;q=0.1, application/n-triples;q=0.9', application/n-triples"})
    void entityDescriptionInEveryRdfForm(String accept, String expected) throws Exception {
        HttpResponse<String> response = get("/id/vladimir-putin", accept);
        assertEquals(200, response.statusCode());
        assertEquals(expected, mediaType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
        Graph graph = parse(response.body(), RDFLanguages.contentTypeToLang(expected));
        assertTrue(graph.contains(PUTIN, LABEL, NodeFactory.createLiteralLang("Vladimir Putin", "en")));
        // Incoming: the meeting names Putin as participant; with it comes the claim's quote and its article.
        Node meeting = NodeFactory.createURI(Namespaces.ID + "claim/000/meeting");
        assertTrue(graph.contains(meeting, NodeFactory.createURI(Namespaces.ONTOLOGY + "participant"), PUTIN));
        assertTrue(graph.contains(meeting, NodeFactory.createURI(Namespaces.ONTOLOGY + "evidence"),
                NodeFactory.createLiteralString("On 11 September 2018 Vladimir Putin met Xi Jinping in Vladivostok.")));
        assertTrue(graph.contains(meeting, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"),
                NodeFactory.createURI(Namespaces.ARTICLE + "000")));
    }

    @ParameterizedTest(name = "?format={0}")
    @CsvSource({"ttl, text/turtle", "turtle, text/turtle", "jsonld, application/ld+json", "nt, application/n-triples",
            "rdf, application/rdf+xml", "html, text/html", "text/turtle, text/turtle"})
    void formatParameterOverridesAccept(String format, String expected) throws Exception {
        HttpResponse<String> response = get("/id/vladimir-putin?format=" + format, "text/html");
        assertEquals(200, response.statusCode());
        assertEquals(expected, mediaType(response));
    }

    @Test
    void browsersGetThePage() throws Exception {
        HttpResponse<String> response = get("/id/vladimir-putin",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals("text/html", mediaType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(""));
        String page = response.body();
        assertTrue(page.contains("<h1>Vladimir Putin</h1>"), page);
        assertTrue(page.contains("href=\"http://www.wikidata.org/entity/Q7747\""), page);
        assertTrue(page.contains("href=\"/id/claim/000/meeting\""), "the timeline links the event");
        assertTrue(page.contains("href=\"/id/article/000\""), "claims link their article");
        assertTrue(page.contains("<mark>On 11 September 2018 Vladimir Putin met Xi Jinping in Vladivostok.</mark>"), page);
    }

    @Test
    void unknownIriIs404AndUnsupportedTypeIs406() throws Exception {
        HttpResponse<String> missing = get("/id/nobody-at-all", "text/turtle");
        assertEquals(404, missing.statusCode());
        assertEquals("Accept", missing.headers().firstValue("Vary").orElse(""));
        assertEquals(404, get("/id/nobody-at-all", "text/html").statusCode());

        HttpResponse<String> png = get("/id/vladimir-putin", "image/png");
        assertEquals(406, png.statusCode());
        assertEquals("Accept", png.headers().firstValue("Vary").orElse(""));
        assertTrue(png.body().contains("text/turtle"), png.body());
        assertEquals(406, get("/id/vladimir-putin?format=pdf", "*/*").statusCode());
    }

    @Test
    void markupInTheDataIsInert() throws Exception {
        for (String path : List.of("/id/mallory", "/id/claim/000/graffiti", "/id/article/000")) {
            String page = get(path, "text/html").body();
            assertFalse(page.contains("<script>alert"), path + " runs the payload:\n" + page);
            assertFalse(page.contains("href=\"javascript:"), path + " links a script IRI");
            assertTrue(page.contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"), path + " shows it as text");
        }
        String ontology = get("/ontology", "text/html").body();
        assertTrue(ontology.contains("A meeting of &lt;b&gt;two&lt;/b&gt; or more agents."), ontology);
    }

    @Test
    void evidenceWithAnnotationSelectorsIsShownInContext() throws Exception {
        String page = get("/id/claim/000/old-friends", "text/html").body();
        assertTrue(page.contains("…met Xi Jinping in Vladivostok. <mark>&quot;We are old friends,&quot; Putin said.</mark>\nTrade reached…"),
                page);
        assertTrue(page.contains("(characters 96–129)"), page);
        String text = Files.readString(Fixtures.root("web").resolve("seeds/articles/000.txt"));
        assertEquals("\"We are old friends,\" Putin said.", text.substring(96, 129), "the fixture's offsets are right");
    }

    @Test
    void figuresShowAmountAndUnit() throws Exception {
        String page = get("/id/claim/000/trade", "text/html").body();
        assertTrue(page.contains("Trade reached $84.07 billion."), page);
        String unit = get("/ontology", "text/html").body();
        assertTrue(unit.contains("id=\"USD\""), "vocabulary terms are documented too");
    }

    @Test
    void graphIriGivesTheGraph() throws Exception {
        HttpResponse<String> response = get("/graph/article/000", "application/n-triples");
        assertEquals(200, response.statusCode());
        Graph graph = parse(response.body(), Lang.NTRIPLES);
        Graph stored = dataset.getGraph(Namespaces.articleGraph("000"));
        stored.find().forEachRemaining(t -> {
            if (!t.getSubject().isBlank() && !t.getObject().isBlank()) {
                assertTrue(graph.contains(t), "missing " + t);
            }
        });
        assertTrue(graph.contains(Namespaces.articleGraph("000"), NodeFactory.createURI("http://rdfs.org/ns/void#triples"), Node.ANY));
    }

    @Test
    void ontologyPageDocumentsEveryTerm() throws Exception {
        HttpResponse<String> response = get("/ontology", "text/html");
        assertEquals(200, response.statusCode());
        String page = response.body();
        Graph ontology = dataset.getGraph(Namespaces.ONTOLOGY_GRAPH);
        List<Node> terms = ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY)
                .filterKeep(t -> List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode())
                        .contains(t.getObject()))
                .mapWith(Triple::getSubject).toList();
        assertEquals(16, terms.size());
        for (Node term : terms) {
            String local = term.getURI().substring(Namespaces.ONTOLOGY.length());
            Matcher section = Pattern.compile("<section class=\"term\" id=\"" + local + "\">(.*?)</section>", Pattern.DOTALL)
                    .matcher(page);
            assertTrue(section.find(), "no section for " + local);
            String doc = section.group(1);
            String label = ontology.find(term, LABEL, Node.ANY).next().getObject().getLiteralLexicalForm();
            assertTrue(doc.contains("<h3>" + label + " "), local + " has its label");
            assertTrue(doc.contains("class=\"definition\">") && !doc.contains("(no definition)"), local + " is defined");
            ontology.find(term, RDFS.domain.asNode(), Node.ANY).forEachRemaining(t ->
                    assertTrue(doc.contains("<dt>Domain</dt><dd><a href=\"/ontology#" + t.getObject().getLocalName() + "\""), local));
            ontology.find(term, RDFS.range.asNode(), Node.ANY).forEachRemaining(t ->
                    assertTrue(doc.contains("<dt>Range</dt>"), local));
        }
        String person = section(page, "Person");
        assertTrue(person.contains("<dt>Super-terms</dt><dd><a href=\"/ontology#Agent\""), person);
        assertTrue(person.contains("<dt>Example</dt>") && person.contains("href=\"/id/"), person);
        assertTrue(section(page, "Agent").contains("<dt>Sub-terms</dt><dd><a href=\"/ontology#Person\""));
        assertTrue(section(page, "participant").contains("<dt>Example</dt>"), "a property shows a statement using it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text/turtle", "application/ld+json"})
    void ontologyAsRdfIsTheOntologyGraph(String accept) throws Exception {
        HttpResponse<String> response = get("/ontology", accept);
        assertEquals(accept, mediaType(response));
        Graph served = parse(response.body(), RDFLanguages.contentTypeToLang(accept));
        assertTrue(served.isIsomorphicWith(dataset.getGraph(Namespaces.ONTOLOGY_GRAPH)));
        // A term's IRI is a hash IRI: a client fetches /ontology for it and finds the term there.
        assertTrue(served.contains(NodeFactory.createURI(Namespaces.ONTOLOGY + "Person"), RDFS.subClassOf.asNode(), Node.ANY));
    }

    @Test
    void wellKnownVoidIsTheMetadataGraph() throws Exception {
        HttpResponse<String> response = get("/.well-known/void", "text/turtle");
        assertEquals(200, response.statusCode());
        assertTrue(parse(response.body(), Lang.TURTLE).isIsomorphicWith(dataset.getGraph(Namespaces.METADATA_GRAPH)));
        assertTrue(get("/.well-known/void", "text/html").body().contains("href=\"/graph/article/000\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/sparql", "/srkg/sparql"})
    void endpointWithoutQueryDescribesTheService(String path) throws Exception {
        HttpResponse<String> response = get(path, "text/turtle");
        assertEquals(200, response.statusCode());
        Graph sd = parse(response.body(), Lang.TURTLE);
        String ns = "http://www.w3.org/ns/sparql-service-description#";
        Node endpoint = NodeFactory.createURI(http.base() + path);
        assertTrue(sd.contains(endpoint, RDF.type.asNode(), NodeFactory.createURI(ns + "Service")), response.body());
        assertTrue(sd.contains(endpoint, NodeFactory.createURI(ns + "feature"), NodeFactory.createURI(ns + "UnionDefaultGraph")));
        assertTrue(sd.contains(Node.ANY, NodeFactory.createURI(ns + "name"), Namespaces.articleGraph("000")));
        // With a query, the endpoint answers it as before.
        HttpResponse<String> query = get(path + "?query=ASK%7B%7D", "application/sparql-results+json");
        assertTrue(query.body().contains("\"boolean\" : true"), query.body());
    }

    @Test
    void downloadsAreTheBuildDumpsByteForByte(@TempDir Path dir) throws Exception {
        DumpPublisher.publish(dataset, dir.resolve("dump"));
        String page = get("/downloads", "text/html").body();
        for (String file : DumpPublisher.FILES) {
            HttpResponse<byte[]> download = http.send(http.request("/downloads/" + file).GET(), BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            byte[] built = Files.readAllBytes(dir.resolve("dump").resolve(file));
            assertEquals(Sha256.hex(built), Sha256.hex(download.body()), file);
            assertTrue(page.contains(Sha256.hex(built)), "the page gives the checksum of " + file);
        }
        assertOutsideRefused("/downloads/../pom.xml");
    }

    @Test
    void queryPageOffersTheCompetencyQuestions() throws Exception {
        String page = get("/", "text/html").body();
        assertEquals(page, get("/query", "text/html").body());
        assertTrue(page.contains("/assets/codemirror/mode/sparql/sparql.js"));
        for (ExampleQueries.Example example : ExampleQueries.load()) {
            assertTrue(page.contains("data-id=\"" + example.id() + "\""), example.id());
            assertTrue(page.contains(Html.text(example.question())), example.id());
        }
        String chosen = get("/query?example=cq02-quotes-by-putin", "text/html").body();
        assertTrue(chosen.contains("id:vladimir-putin"), "the chosen example is in the editor");
        for (String asset : List.of("/assets/srkg.css", "/assets/query.js", "/assets/codemirror/lib/codemirror.js",
                "/assets/codemirror/mode/sparql/sparql.js", "/assets/codemirror/lib/codemirror.css")) {
            assertEquals(200, get(asset, "*/*").statusCode(), asset);
        }
        assertOutsideRefused("/assets/../../pom.xml");
        assertEquals(404, get("/assets/codemirror/package.json", "*/*").statusCode());
    }

    /** Jetty refuses a path with dot segments (400) or the servlet finds nothing (404): either way, no file. */
    private static void assertOutsideRefused(String path) throws Exception {
        HttpResponse<String> response = get(path, "*/*");
        assertTrue(response.statusCode() == 400 || response.statusCode() == 404, path + " -> " + response.statusCode());
        assertFalse(response.body().contains("<project"), path);
    }

    private static String section(String page, String local) {
        Matcher m = Pattern.compile("<section class=\"term\" id=\"" + local + "\">(.*?)</section>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), local);
        return m.group(1);
    }

    private static HttpResponse<String> get(String path, String accept) {
        return http.get(path, accept);
    }

    private static String mediaType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }

    private static Graph parse(String body, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(graph);
        return graph;
    }
}
