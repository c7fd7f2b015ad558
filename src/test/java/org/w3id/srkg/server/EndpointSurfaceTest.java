package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

/**
 * What the server offers and refuses, over real HTTP: read-only on every path and method, no operator endpoint
 * unless turned on (and then only with a login), no {@code java:} or JavaScript functions, CORS on the query
 * endpoints only, and 4xx (never 5xx) for malformed requests.
 */
class EndpointSurfaceTest {

    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    /** Every path the server answers, and the ones a Fuseki with writes would have; /$/ping ignores bodies. */
    private static final String[] PATHS = {"/", "/sparql", "/srkg", "/srkg/sparql", "/srkg/get", "/srkg/data",
        "/srkg/update", "/srkg/upload", "/$/datasets", "/$/server"};

    @TempDir
    static Path temp;

    private static FusekiServer server;
    private static FusekiServer operated;
    private static Http http;
    private static Http operatedHttp;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph dataset = Pipeline.build(Fixtures.root("good"));
        server = SparqlServer.start(dataset, "127.0.0.1", 0);
        http = new Http(server.getPort());

        Path passwords = temp.resolve("passwords");
        Files.writeString(passwords, "operator: s3cret\n");
        ServedDataset served = new ServedDataset(dataset);
        Reloader reloader = new Reloader(() -> Pipeline.build(Fixtures.root("good")), served::swap);
        operated = SparqlServer.start(served, "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withOperatorEndpoints(passwords, true, true, reloader));
        operatedHttp = new Http(operated.getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (operated != null) {
            operated.stop();
        }
    }

    @Test
    void everyWriteOnEveryPathIsRefusedAndChangesNothing() {
        String before = count();
        for (String path : PATHS) {
            for (String target : new String[] {path, path + "?default", path + "?graph=urn:x:g"}) {
                for (String method : new String[] {"PUT", "POST", "DELETE", "PATCH"}) {
                    HttpResponse<String> turtle = http.send(http.request(target).header("Content-Type", "text/turtle")
                            .method(method, BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")));
                    assertClientError(turtle);
                }
                HttpResponse<String> update = http.send(http.request(target)
                        .header("Content-Type", "application/sparql-update")
                        .POST(BodyPublishers.ofString("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }")));
                assertClientError(update);
                HttpResponse<String> form = http.send(http.request(target)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString("update=" + Http.encode("CLEAR ALL"))));
                assertClientError(form);
            }
        }
        HttpResponse<String> getUpdate = http.send(http.request("/srkg?update=" + Http.encode("CLEAR ALL")).GET());
        assertClientError(getUpdate);
        assertEquals(before, count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/$/stats", "/$/stats/srkg", "/$/metrics", "/$/reload", "/$/compact/srkg", "/$/tasks",
        "/$/backup/srkg", "/$/datasets", "/$/server", "/$/upload", "/$/config"})
    void operatorEndpointsAreAbsentByDefault(String path) {
        assertEquals(404, http.send(http.request(path).GET()).statusCode(), path);
        assertEquals(404, http.send(http.request(path).POST(BodyPublishers.noBody())).statusCode(), path);
    }

    @ParameterizedTest
    @CsvSource({"GET, /$/stats", "GET, /$/stats/srkg", "GET, /$/metrics", "POST, /$/reload"})
    void operatorEndpointsWhenTurnedOnNeedALogin(String method, String path) {
        HttpResponse<String> anonymous = operatedHttp.send(operatedHttp.request(path)
                .method(method, BodyPublishers.noBody()));
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

        HttpResponse<String> wrong = operatedHttp.send(operatedHttp.request(path)
                .header("Authorization", basic("operator", "guess")).method(method, BodyPublishers.noBody()));
        assertEquals(401, wrong.statusCode());

        HttpResponse<String> operator = operatedHttp.send(operatedHttp.request(path)
                .header("Authorization", basic("operator", "s3cret")).method(method, BodyPublishers.noBody()));
        assertEquals(200, operator.statusCode(), operator.body());
    }

    @Test
    void queriesStayOpenWhenOperatorEndpointsAreOn() {
        assertEquals(200, operatedHttp.query("/sparql", COUNT, "text/csv").statusCode());
        assertEquals(200, operatedHttp.send(operatedHttp.request("/$/ping").GET()).statusCode());
    }

    @Test
    void operatorEndpointsCannotBeTurnedOnWithoutAPasswordFile() {
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.DEFAULTS.withOperatorEndpoints(null, true, false, null))
                .getMessage().contains("password file"));
    }

    @Test
    void javaFunctionIrisAreRefusedWithoutLoadingTheClass() {
        String canary = "<java:" + JavaFunctionCanary.class.getName() + ">";
        String[] queries = {
            "SELECT (" + canary + "() AS ?x) WHERE {}",
            "SELECT * WHERE { ?s ?p ?o FILTER(" + canary + "() = 'x') }",
            "ASK { FILTER EXISTS { BIND(" + canary + "() AS ?y) } }",
            "SELECT * WHERE { ?s " + canary + " ?o }",
            "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY " + canary + "() } }",
            "SELECT ?s WHERE { ?s ?p ?o } ORDER BY DESC(" + canary + "()) LIMIT 1",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY (" + canary + "())",
            "SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s HAVING (" + canary + "() = 1)",
        };
        for (String query : queries) {
            HttpResponse<String> response = http.query("/sparql", query, "text/csv");
            assertEquals(400, response.statusCode(), query + " -> " + response.body());
            assertTrue(response.body().contains("java:"), response.body());
        }
        assertNull(System.getProperty(JavaFunctionCanary.LOADED), "the server did not load the class");

        // The canary does detect loading: ARQ on its own loads and runs it.
        try (QueryExecution local = QueryExecution.dataset(DatasetFactory.create()).query(queries[0]).build()) {
            assertEquals("the canary ran", local.execSelect().next().getLiteral("x").getString());
        }
        assertEquals("loaded", System.getProperty(JavaFunctionCanary.LOADED));
    }

    @Test
    void javaScriptFunctionsAreOff() {
        HttpResponse<String> response = http.query("/sparql",
                "PREFIX js: <http://jena.apache.org/ARQ/jsFunction#> SELECT (js:identity(1) AS ?x) WHERE {}", "text/csv");
        assertEquals(400, response.statusCode(), response.body());
    }

    @Test
    void corsPreflightIsGrantedForGetAndPostOnQueryEndpoints() {
        for (String path : SparqlServer.QUERY_PATHS) {
            for (String method : new String[] {"GET", "POST"}) {
                HttpResponse<String> preflight = preflight(path, method);
                assertEquals(204, preflight.statusCode(), path);
                assertEquals(Optional.of("*"), preflight.headers().firstValue("Access-Control-Allow-Origin"), path);
                assertEquals(Optional.of(CorsFilter.ALLOWED_METHODS),
                        preflight.headers().firstValue("Access-Control-Allow-Methods"), path);
            }
            HttpResponse<String> get = http.send(http.request(path + "?query=" + Http.encode(COUNT))
                    .header("Origin", "https://example.org").GET());
            assertEquals(200, get.statusCode());
            assertEquals(Optional.of("*"), get.headers().firstValue("Access-Control-Allow-Origin"));
        }
    }

    @ParameterizedTest
    @CsvSource({"/sparql, PUT", "/sparql, DELETE", "/srkg/sparql, PATCH", "/srkg/get, GET", "/srkg/data, PUT",
        "/$/ping, GET", "/, GET"})
    void noCorsForOtherMethodsOrPaths(String path, String method) {
        HttpResponse<String> preflight = preflight(path, method);
        assertEquals(Optional.empty(), preflight.headers().firstValue("Access-Control-Allow-Origin"), path);
        assertEquals(Optional.empty(), preflight.headers().firstValue("Access-Control-Allow-Methods"), path);
        HttpResponse<String> plain = http.send(http.request(path).header("Origin", "https://example.org").GET());
        if (!SparqlServer.QUERY_PATHS.contains(path)) {
            assertEquals(Optional.empty(), plain.headers().firstValue("Access-Control-Allow-Origin"), path);
        }
    }

    @Test
    void malformedRequestsGet4xx() {
        assertClientError(http.send(http.request("/sparql").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("ASK {}"))));
        assertClientError(http.send(http.request("/sparql").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"query\": \"ASK {}\"}"))));
        assertClientError(http.send(http.request("/sparql").header("Content-Type", "nonsense")
                .POST(BodyPublishers.ofString("ASK {}"))));
        assertClientError(http.send(http.request("/sparql?query=").GET()));
        assertClientError(http.send(http.request("/sparql?query=%20%20").GET()));
        assertClientError(http.send(http.request("/sparql?query=ASK%7B%7D&query=ASK%7B%7D").GET()));
        assertClientError(http.send(http.request("/sparql?query=%FF%FE%00").GET()));
        assertClientError(http.send(http.request("/sparql").header("Content-Type", "application/sparql-query")
                .POST(BodyPublishers.ofString(""))));
        assertClientError(http.send(http.request("/sparql").header("Content-Type", "application/sparql-query")
                .POST(BodyPublishers.ofByteArray(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0}))));
        assertClientError(http.send(http.request("/sparql").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("query=ASK%7B%7D&query=ASK%7B%7D"))));
        assertClientError(http.send(http.request("/sparql").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("nothing=here"))));
    }

    @Test
    void errorQuotingNonAsciiTextIsStillA400() {
        // Fuseki alone answers these with 500: the message's length is counted in characters, written in bytes.
        HttpResponse<String> parse = http.query("/sparql", "SELECT * WHERE { ?s \u0F5Asrkg:p ?o }", "text/csv");
        assertEquals(400, parse.statusCode(), parse.body());
        assertTrue(parse.body().contains("\\u0F5A"), parse.body());
        HttpResponse<String> java = http.query("/sparql", "SELECT * WHERE { ?s <java:\u0416> ?o }", "text/csv");
        assertEquals(400, java.statusCode(), java.body());
    }

    @Test
    void deeplyNestedQueryIsA400() {
        for (int depth : new int[] {LimitedQueryService.MAX_NESTING + 1, 20_000}) {
            String query = "SELECT * WHERE " + "{ OPTIONAL {".repeat(depth) + " ?s ?p ?o " + "} }".repeat(depth);
            HttpResponse<String> response = http.postQuery("/sparql", query, "text/csv");
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("nested"), response.body());
        }
        int allowed = LimitedQueryService.MAX_NESTING - 2;
        String deepButAllowed = "SELECT * WHERE " + "{".repeat(allowed) + " ?s ?p ?o " + "}".repeat(allowed) + " LIMIT 1";
        assertEquals(200, http.postQuery("/sparql", deepButAllowed, "text/csv").statusCode());
        String bracketsInStringsAndComments = "SELECT * WHERE { ?s ?p ?o FILTER(?o != \"" + "{".repeat(500)
                + "\" && ?o != '''" + "(".repeat(500) + "''') } LIMIT 1 # " + "{".repeat(500);
        assertEquals(200, http.postQuery("/sparql", bracketsInStringsAndComments, "text/csv").statusCode());
        assertEquals(200, http.query("/sparql", COUNT, "text/csv").statusCode(), "the server still answers");
    }

    private static HttpResponse<String> preflight(String path, String method) {
        return http.send(http.request(path).header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", method).method("OPTIONS", BodyPublishers.noBody()));
    }

    private static String count() {
        return http.query("/srkg/sparql", COUNT, "text/csv").body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertClientError(HttpResponse<String> response) {
        assertEquals(4, response.statusCode() / 100,
                () -> response.request().method() + " " + response.uri() + " -> " + response.statusCode() + " "
                        + response.body());
    }
}
