package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

class SparqlServerTest {

    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    private static FusekiServer server;
    private static DatasetGraph dataset;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        dataset = Pipeline.build(Fixtures.root("good"));
        server = SparqlServer.start(dataset, "127.0.0.1", 0);
        http = new Http(server.getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void selectAnswersInJsonAndCsvByAccept() throws Exception {
        String query = "SELECT ?label WHERE { <https://w3id.org/srkg/id/country/RU> <http://www.w3.org/2000/01/rdf-schema#label> ?label }";

        HttpResponse<String> json = http.query("/srkg/sparql", query, "application/sparql-results+json");
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertTrue(json.body().contains("\"value\": \"Russia\""), json.body());

        HttpResponse<String> csv = http.query("/srkg/sparql", query, "text/csv");
        assertEquals(200, csv.statusCode());
        assertEquals("label\r\nRussia\r\n", csv.body());
    }

    @Test
    void xmlAndTsvAreOfferedToo() throws Exception {
        String query = "SELECT ?s WHERE { ?s a <https://w3id.org/srkg/ontology#Claim> } ORDER BY ?s";
        HttpResponse<String> xml = http.query("/srkg/sparql", query, "application/sparql-results+xml");
        assertTrue(xml.body().contains("<uri>https://w3id.org/srkg/id/claim/000-1</uri>"), xml.body());
        HttpResponse<String> tsv = http.query("/srkg/sparql", query, "text/tab-separated-values");
        assertEquals("?s\n<https://w3id.org/srkg/id/claim/000-1>\n<https://w3id.org/srkg/id/claim/001-1>\n", tsv.body());
    }

    @Test
    void defaultGraphIsTheUnionAndGraphRevealsTheSource() throws Exception {
        HttpResponse<String> graphs = http.query("/srkg/sparql",
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/srkg/ontology#Claim> } } ORDER BY ?g",
                "text/csv");
        assertEquals("g\r\nhttps://w3id.org/srkg/graph/article/000\r\nhttps://w3id.org/srkg/graph/article/001\r\n",
                graphs.body());

        HttpResponse<String> plain = http.query("/srkg/sparql",
                "SELECT ?c WHERE { ?c a <https://w3id.org/srkg/ontology#Country> ; <http://www.w3.org/2000/01/rdf-schema#label> 'China'@en }",
                "text/csv");
        assertEquals("c\r\nhttps://w3id.org/srkg/id/country/CN\r\n", plain.body());
    }

    @Test
    void sparqlAliasAnswersLikeTheDatasetEndpoint() throws Exception {
        HttpResponse<String> alias = http.query("/sparql", COUNT, "text/csv");
        assertEquals(200, alias.statusCode());
        assertEquals(http.query("/srkg/sparql", COUNT, "text/csv").body(), alias.body());
        assertEquals("n\r\n" + dataset.stream().count() + "\r\n", alias.body());
    }

    @ParameterizedTest
    @CsvSource({"/srkg/sparql", "/srkg/update", "/srkg", "/sparql"})
    void updatesAreRefused(String path) throws Exception {
        String before = count();
        HttpResponse<String> response = http.send(http.request(path)
                .header("Content-Type", "application/sparql-update")
                .POST(BodyPublishers.ofString("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }")));
        assertClientError(response);
        HttpResponse<String> form = http.send(http.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("update=" + Http.encode("CLEAR ALL"))));
        assertClientError(form);
        assertEquals(before, count());
    }

    @ParameterizedTest
    @CsvSource({"PUT, /srkg/data", "POST, /srkg/data", "DELETE, /srkg/data",
            "PUT, /srkg?default", "POST, /srkg?default", "DELETE, /srkg?default",
            "PUT, /srkg/get?default", "POST, /srkg/get?default", "DELETE, /srkg/get?default"})
    void graphStoreWritesAreRefused(String method, String path) throws Exception {
        String before = count();
        HttpResponse<String> response = http.send(http.request(path)
                .header("Content-Type", "text/turtle")
                .method(method, BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")));
        assertClientError(response);
        assertEquals(before, count());
    }

    @Test
    void graphStoreReadsWork() throws Exception {
        HttpResponse<String> response = http.get("/srkg/get?graph=" + Http.encode("https://w3id.org/srkg/graph/entities"),
                "application/n-triples");
        assertEquals(200, response.statusCode());
        assertEquals(4, response.body().lines().count(), response.body());
    }

    @Test
    void malformedQueryGets400WithTheParserMessage() throws Exception {
        HttpResponse<String> response = http.query("/srkg/sparql", "SELECT ?s WHERE { ?s ?p }", "text/csv");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Encountered") && response.body().contains("line 1, column"),
                response.body());
    }

    @Test
    void pingAnswers() throws Exception {
        HttpResponse<String> response = http.send(http.request("/$/ping").GET());
        assertEquals(200, response.statusCode());
    }

    private static String count() {
        return http.query("/srkg/sparql", COUNT, "text/csv").body();
    }

    private static void assertClientError(HttpResponse<String> response) {
        assertTrue(List.of(400, 404, 405, 415).contains(response.statusCode()) || response.statusCode() / 100 == 4,
                () -> response.request().method() + " " + response.uri() + " -> " + response.statusCode());
    }
}
