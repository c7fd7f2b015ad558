package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

/**
 * Each limit of {@link QueryLimits} over real HTTP. Two servers: a strict one (2 s, 10 rows) and one with the
 * defaults except a long timeout, for the client's own {@code ?timeout=}. The only time bound asserted is a
 * generous ceiling that no query could meet without the limit, since the expensive query never ends by itself.
 */
class QueryLimitsTest {

    /** A five-way cartesian product counted: about 10^10 steps over the fixture, so only a timeout ends it. */
    static final String ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }";
    private static final Duration STRICT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CEILING = Duration.ofSeconds(45);

    private static FusekiServer strictServer;
    private static FusekiServer lenientServer;
    private static Http strict;
    private static Http lenient;

    @BeforeAll
    static void start() throws Exception {
        strictServer = SparqlServer.start(new ServedDataset(Pipeline.build(Fixtures.root("good"))), "127.0.0.1", 0,
                ServerOptions.of(QueryLimits.DEFAULTS.withTimeout(STRICT_TIMEOUT).withMaxRows(10)));
        strict = new Http(strictServer.getPort());
        lenientServer = SparqlServer.start(new ServedDataset(Pipeline.build(Fixtures.root("good"))), "127.0.0.1", 0,
                ServerOptions.of(QueryLimits.DEFAULTS.withTimeout(Duration.ofMinutes(10))));
        lenient = new Http(lenientServer.getPort());
    }

    @AfterAll
    static void stop() {
        if (strictServer != null) {
            strictServer.stop();
        }
        if (lenientServer != null) {
            lenientServer.stop();
        }
    }

    @Test
    void expensiveQueryEndsWith503WhileOtherClientsGetAnswers() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> expensive =
                CompletableFuture.supplyAsync(() -> strict.query("/sparql", ENDLESS, "text/csv"));

        HttpResponse<String> meanwhile = strict.query("/sparql", "ASK { ?s ?p ?o }", "text/plain");
        assertEquals(200, meanwhile.statusCode());
        assertEquals("yes", meanwhile.body().strip());
        assertFalse(expensive.isDone(), "the cheap query was answered while the expensive one still ran");

        HttpResponse<String> timedOut = expensive.get(CEILING.toSeconds(), TimeUnit.SECONDS);
        assertEquals(503, timedOut.statusCode(), timedOut.body());
        assertTrue(timedOut.body().contains("Query timed out"), timedOut.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(STRICT_TIMEOUT) >= 0);
    }

    @Test
    void clientTimeoutCannotRaiseTheServerLimit() {
        HttpResponse<String> response = strict.send(strict.request("/sparql?timeout=3600&query=" + Http.encode(ENDLESS))
                .header("Accept", "text/csv").GET());
        assertEquals(503, response.statusCode(), response.body());
    }

    @Test
    void clientTimeoutLowersTheServerLimit() {
        // The lenient server allows ten minutes; only the client's one second can end this within the ceiling.
        HttpResponse<String> response = lenient.send(lenient.request("/sparql?timeout=1&query=" + Http.encode(ENDLESS))
                .timeout(CEILING).header("Accept", "text/csv").GET());
        assertEquals(503, response.statusCode(), response.body());
    }

    @Test
    void timeoutAfterTheFirstRowsIsA503NotAComplete200() {
        // The first branch answers at once (fewer rows than the cap), the second never: stock Fuseki would already
        // stream those rows with 200 and end them with a comment line. Here no row leaves before the result is known.
        String query = "SELECT * WHERE { { SELECT * { ?s ?p ?o } LIMIT 3 } UNION { " + ENDLESS + " } }";
        for (String accept : new String[] {"text/csv", "application/sparql-results+json"}) {
            HttpResponse<String> response = strict.query("/sparql", query, accept);
            assertEquals(503, response.statusCode(), accept + ": " + response.body());
            assertFalse(response.body().contains("https://w3id.org/srkg/"), response.body());
        }
    }

    @Test
    void longerResultIsCutToTheCapAndSaysSo() {
        HttpResponse<String> cut = strict.query("/sparql", "SELECT * WHERE { ?s ?p ?o }", "text/csv");
        assertEquals(200, cut.statusCode());
        assertEquals(1 + 10, cut.body().lines().count(), cut.body());
        assertEquals(Optional.of("10"), cut.headers().firstValue(LimitedQueryService.TRUNCATED_HEADER));

        HttpResponse<String> whole = strict.query("/sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 10", "text/csv");
        assertEquals(1 + 10, whole.body().lines().count(), whole.body());
        assertEquals(Optional.empty(), whole.headers().firstValue(LimitedQueryService.TRUNCATED_HEADER));

        HttpResponse<String> graph = strict.query("/sparql", "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples");
        assertEquals(200, graph.statusCode());
        assertEquals(10, graph.body().lines().count(), graph.body());
        assertEquals(Optional.of("10"), graph.headers().firstValue(LimitedQueryService.TRUNCATED_HEADER));
    }

    @Test
    void defaultCapLetsOrdinaryResultsThroughWhole() {
        String count = lenient.query("/sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv").body();
        long triples = Long.parseLong(count.lines().skip(1).findFirst().orElseThrow());
        HttpResponse<String> all = lenient.query("/sparql", "SELECT * WHERE { ?s ?p ?o }", "text/csv");
        assertEquals(1 + triples, all.body().lines().count());
        assertEquals(Optional.empty(), all.headers().firstValue(LimitedQueryService.TRUNCATED_HEADER));
    }

    @Test
    void bodyLargerThanOneMebibyteGets413() {
        String comment = "#" + "x".repeat((int) QueryLimits.DEFAULT_MAX_REQUEST_BYTES) + "\n";
        HttpResponse<String> query = lenient.postQuery("/sparql", comment + "ASK {}", "text/plain");
        assertEquals(413, query.statusCode(), query.body());

        HttpResponse<String> form = lenient.send(lenient.request("/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("query=" + Http.encode(comment + "ASK {}"))));
        assertEquals(413, form.statusCode(), form.body());
    }

    @Test
    void bodyJustUnderTheLimitIsAnswered() {
        // Jetty's own form limit is lower by default; the server raises it to the same limit.
        String comment = "#" + "x".repeat((int) QueryLimits.DEFAULT_MAX_REQUEST_BYTES - 1000) + "\n";
        HttpResponse<String> form = lenient.send(lenient.request("/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/plain")
                .POST(BodyPublishers.ofString("query=" + Http.encode(comment + "ASK { ?s ?p ?o }"))));
        assertEquals(200, form.statusCode(), form.body());
        assertEquals("yes", form.body().strip());
    }

    @Test
    void bodyOfUndeclaredLengthGets411() {
        HttpResponse<String> response = lenient.send(lenient.request("/sparql")
                .header("Content-Type", "application/sparql-query")
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "ASK {}".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(411, response.statusCode(), response.body());
    }

    @Test
    void hugeDeclaredBodyIsRefusedBeforeAByteOfItIsRead() throws Exception {
        // Only the headers are sent: an answer proves the server decided without reading (or buffering) the body.
        try (Socket socket = new Socket("127.0.0.1", lenientServer.getPort())) {
            socket.setSoTimeout((int) CEILING.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                    + "Content-Length: 1073741824\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", statusLine);
        }
    }
}
