package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

/**
 * Function calls whose cost or result grows faster than their input, over real HTTP against a server with a 2 s
 * timeout. Without the bounds, each of these queries runs far past the timeout (the regular expressions backtrack
 * for years) or fills the heap; the only time bound asserted is a ceiling no unbounded run could meet.
 */
class FunctionLimitsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CEILING = Duration.ofSeconds(30);

    private static final String COMMAS = ",".repeat(200);
    /** The query of the issue: exponential backtracking in java.util.regex, linear in RE2/J. */
    static final String ISSUE_REGEX = "SELECT * WHERE { BIND(REGEX(\"" + COMMAS + "\", \"(.*,){12}X\") AS ?x) }";
    /** The same with a back-reference, which only java.util.regex takes: the timeout alone must end it. */
    static final String BACKREFERENCE_REGEX =
            "SELECT * WHERE { BIND(REGEX(\"" + COMMAS + "\", \"(.*,){12}\\\\1X\") AS ?x) }";

    private static FusekiServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = SparqlServer.start(new ServedDataset(Pipeline.build(Fixtures.root("good"))), "127.0.0.1", 0,
                ServerOptions.of(QueryLimits.DEFAULTS.withTimeout(TIMEOUT)));
        http = new Http(server.getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static HttpResponse<String> post(String query) {
        return http.send(http.request("/sparql").timeout(CEILING).header("Accept", "text/csv")
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(query)));
    }

    @Test
    void regexOfTheIssueAnswers() {
        HttpResponse<String> response = post(ISSUE_REGEX);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("x\nfalse", response.body().strip().replace("\r", ""));
    }

    @Test
    void longCollectionIsRefusedBeforeItsQuadraticWork() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            items.append(i).append(' ');
        }
        long start = System.nanoTime();
        HttpResponse<String> response = post("SELECT * WHERE { ?s <https://w3id.org/srkg/p> (" + items + ") }");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("triple patterns"), response.body());
        // Before the limit this took minutes (formatting for the log, then reordering); now one linear parse.
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "answered within 20 s");
        HttpResponse<String> small = post("SELECT * WHERE { ?s <https://w3id.org/srkg/p> (1 2 3) }");
        assertEquals(200, small.statusCode(), small.body());
    }

    @Test
    void backtrackingRegexEndsAtTheTimeout() {
        HttpResponse<String> response = post(BACKREFERENCE_REGEX);
        assertEquals(503, response.statusCode(), response.body());
    }

    @Test
    void backtrackingReplaceEndsAtTheTimeout() {
        HttpResponse<String> response = post(
                "SELECT * WHERE { BIND(REPLACE(\"" + COMMAS + "\", \"(.*,){12}\\\\1X\", \"y\") AS ?x) }");
        assertEquals(503, response.statusCode(), response.body());
    }

    @Test
    void runawayRegexQueriesGiveTheirThreadsBack() throws Exception {
        QueuedThreadPool pool = (QueuedThreadPool) server.getJettyServer().getThreadPool();
        int idle = pool.getBusyThreads();
        HttpClient impatient = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String query = i % 2 == 0 ? ISSUE_REGEX : BACKREFERENCE_REGEX;
            sent.add(impatient.sendAsync(http.request("/sparql?query=" + Http.encode(query))
                    .timeout(Duration.ofMillis(200)).header("Accept", "text/csv").GET().build(),
                    BodyHandlers.ofString()));
        }
        sent.forEach(f -> f.handle((r, e) -> null).join());

        long deadline = System.nanoTime() + CEILING.toNanos();
        while (pool.getBusyThreads() > idle + 2 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertTrue(pool.getBusyThreads() <= idle + 2, "busy threads: " + pool.getBusyThreads() + ", before: " + idle);
        assertEquals(200, http.get("/$/ping", "text/plain").statusCode());
        // The abandoned queries still count against this address until the timeout ends them (ClientAdmission).
        HttpResponse<String> ask = http.query("/sparql", "ASK { ?s ?p ?o }", "text/plain");
        while (ask.statusCode() == 429 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            ask = http.query("/sparql", "ASK { ?s ?p ?o }", "text/plain");
        }
        assertEquals("yes", ask.body().strip());
    }

    @Test
    void doublingConcatIsRefusedWhileOthersAnswer() throws Exception {
        StringBuilder query = new StringBuilder("SELECT (STRLEN(?s28) AS ?n) WHERE { BIND(\"ab\" AS ?s0)");
        for (int i = 1; i <= 28; i++) {
            query.append(" BIND(CONCAT(?s").append(i - 1).append(", ?s").append(i - 1).append(") AS ?s").append(i)
                    .append(')');
        }
        query.append(" }");
        CompletableFuture<HttpResponse<String>> doubling = CompletableFuture.supplyAsync(() -> post(query.toString()));
        assertEquals(200, http.get("/$/ping", "text/plain").statusCode());
        assertEquals("yes", http.query("/sparql", "ASK { ?s ?p ?o }", "text/plain").body().strip());

        HttpResponse<String> refused = doubling.get(CEILING.toSeconds(), TimeUnit.SECONDS);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("string result longer than " + StringCap.MAX_CHARS + " characters"),
                refused.body());
        assertEquals("yes", http.query("/sparql", "ASK { ?s ?p ?o }", "text/plain").body().strip());
    }

    @Test
    void replaceThatMultipliesIsRefusedBeforeItIsBuilt() {
        // 2,000 matches, each replaced by the whole 2,000-character string: 4 M characters in one call, then 8 G.
        String query = "SELECT (STRLEN(?c) AS ?n) WHERE { BIND(\"" + "a".repeat(2000) + "\" AS ?a)"
                + " BIND(REPLACE(?a, \"a\", ?a) AS ?b) BIND(REPLACE(?b, \"a\", ?b) AS ?c) }";
        HttpResponse<String> refused = post(query);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("string result longer than"), refused.body());
    }

    @Test
    void stringsUnderTheCapAreMadeAsBefore() {
        String query = "SELECT (STRLEN(?b) AS ?n) WHERE { BIND(\"" + "a".repeat(1000) + "\" AS ?a)"
                + " BIND(UCASE(REPLACE(?a, \"a\", ?a)) AS ?b) }";
        HttpResponse<String> response = post(query);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("n\n1000000", response.body().strip().replace("\r", ""));
    }
}
