package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.function.IntSupplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;
import org.w3id.srkg.support.RawHttp;
import org.w3id.srkg.support.MisbehavingEndpoint;

/**
 * SERVICE calls to allowed endpoints that misbehave ({@link MisbehavingEndpoint}, mapped from public names): each
 * call is bounded by the query's time, made once, closed when the query ends, read only up to the row cap, and
 * failures are 502/504 (or 4xx for this server's own limits) naming the public endpoint, never the mapped target.
 * Time bounds are generous ceilings that the unbounded behaviour (minutes) could not meet.
 */
class ServiceCallLimitsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_ROWS = 50;
    private static final long SLACK_MILLIS = 8_000;

    private static MisbehavingEndpoint remote;
    private static FusekiServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        remote = MisbehavingEndpoint.start();
        List<String> entries = new ArrayList<>();
        for (String path : List.of("hang", "drip", "flood", "empty", "status/500", "status/429", "status/401",
                "status/302")) {
            entries.add(publicName(path) + "=" + remote.url("/" + path));
        }
        server = SparqlServer.start(new ServedDataset(Pipeline.build(Fixtures.root("good"))), "127.0.0.1", 0,
                ServerOptions.of(QueryLimits.DEFAULTS.withTimeout(TIMEOUT).withMaxRows(MAX_ROWS))
                        .withServices(ServiceAllowlist.parse(entries)));
        http = new Http(server.getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (remote != null) {
            remote.close();
        }
    }

    @Test
    void endpointThatNeverAnswersGets504WithinTheClientTimeoutAndIsCalledOnceAndClosed() throws Exception {
        int before = remote.opened("/hang");
        long start = System.nanoTime();
        HttpResponse<String> response = http.get("/sparql?timeout=2&query="
                + Http.encode(select("hang")), "application/sparql-results+json");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(504, response.statusCode(), response.body());
        assertTrue(millis < 2_000 + SLACK_MILLIS, () -> "answered after " + millis + " ms");
        assertNamesThePublicEndpointOnly(response, "hang");
        assertTrue(response.body().contains("no answer"), response.body());
        awaitAtLeast(before + 1, () -> remote.closed("/hang"), "the hanging call was not closed");
        assertEquals(before + 1, remote.opened("/hang"), "the call was retried");
    }

    @Test
    void endpointThatDripsRowsGets504AtTheServerTimeoutAndIsClosed() {
        int before = remote.opened("/drip");
        long start = System.nanoTime();
        HttpResponse<String> response = http.query("/sparql", select("drip"), "application/sparql-results+json");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(504, response.statusCode(), response.body());
        assertTrue(millis < TIMEOUT.toMillis() + SLACK_MILLIS, () -> "answered after " + millis + " ms");
        assertNamesThePublicEndpointOnly(response, "drip");
        awaitAtLeast(before + 1, () -> remote.closed("/drip"), "the dripping call was not closed");
        assertEquals(before + 1, remote.opened("/drip"), "the call was retried");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 429, 401, 302})
    void remoteErrorStatusIsA502NamingIt(int status) {
        HttpResponse<String> response = http.query("/sparql", select("status/" + status),
                "application/sparql-results+json");
        assertEquals(502, response.statusCode(), response.body());
        assertNamesThePublicEndpointOnly(response, "status/" + status);
        assertTrue(response.body().contains(Integer.toString(status)), response.body());
    }

    @Test
    void answerLongerThanTheRowCapIsRefusedWithoutReadingItAll() {
        int before = remote.opened("/flood");
        HttpResponse<String> response = http.query("/sparql", select("flood"), "application/sparql-results+json");
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                () -> response.statusCode() + " " + response.body());
        assertNamesThePublicEndpointOnly(response, "flood");
        assertTrue(response.body().contains(MAX_ROWS + " rows"), response.body());
        awaitAtLeast(before + 1, () -> remote.closed("/flood"), "the flooding call was not closed");
    }

    @Test
    void callsPerQueryAreCapped() {
        int before = remote.opened("/empty");
        // Every pair of triples in the fixture: far more distinct calls than the cap (a repeated one is not made).
        String query = "SELECT * WHERE { ?s ?p ?o . ?s2 ?p2 ?o2 FILTER EXISTS { SERVICE <" + publicName("empty")
                + "> { ?s ?q ?o2 } } }";
        HttpResponse<String> response = http.query("/sparql", query, "application/sparql-results+json");
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                () -> response.statusCode() + " " + response.body());
        assertTrue(response.body().contains(ServiceCallExecutor.MAX_CALLS_PER_QUERY + " SERVICE calls"),
                response.body());
        assertTrue(remote.opened("/empty") - before <= ServiceCallExecutor.MAX_CALLS_PER_QUERY,
                () -> (remote.opened("/empty") - before) + " calls");
    }

    /** The positive control of the cap: more calls than it in all, one a query, are all made. */
    @Test
    void callsAreCountedPerQuery() {
        for (int i = 0; i <= ServiceCallExecutor.MAX_CALLS_PER_QUERY; i++) {
            HttpResponse<String> response = http.query("/sparql", select("empty"), "application/sparql-results+json");
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    @Test
    void eighteenHangingQueriesLeaveTheServerAnswering() throws Exception {
        int before = remote.opened("/hang");
        // From 18 addresses: one address runs only a few queries at once (ClientAdmission), so the thread pool is
        // what 18 clients each hanging on SERVICE would otherwise take.
        List<CompletableFuture<RawHttp.Response>> hanging = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            RawHttp client = new RawHttp("127.0.0." + (10 + i), server.getPort());
            hanging.add(CompletableFuture.supplyAsync(() -> client.get("/sparql?query=" + Http.encode(select("hang")),
                    "Accept: application/sparql-results+json")));
        }
        awaitAtLeast(before + 18, () -> remote.opened("/hang"), "the hanging queries did not all call out");
        HttpRequest.Builder ping = http.request("/$/ping").timeout(Duration.ofSeconds(10)).GET();
        assertEquals(200, http.send(ping).statusCode());
        HttpResponse<String> local = http.query("/sparql", "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                "application/sparql-results+json");
        assertEquals(200, local.statusCode(), local.body());
        for (CompletableFuture<RawHttp.Response> call : hanging) {
            RawHttp.Response response = call.get(TIMEOUT.toMillis() + SLACK_MILLIS, TimeUnit.MILLISECONDS);
            assertEquals(504, response.status(), response.body());
        }
    }

    @Test
    void nonAsciiServiceIriIsDeniedWith4xx() {
        HttpResponse<String> response = http.query("/sparql",
                "SELECT * WHERE { SERVICE <http://\u4F8B\u3048.jp/sparql> { ?s ?p ?o } }",
                "application/sparql-results+json");
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                () -> response.statusCode() + " " + response.body());
        assertTrue(response.body().contains("not allowed"), response.body());
    }

    private static String publicName(String path) {
        return "https://" + path.replace("/", "") + ".example.org/sparql";
    }

    private static String select(String path) {
        return "SELECT * WHERE { SERVICE <" + publicName(path) + "> { ?s ?p ?o } }";
    }

    private static void assertNamesThePublicEndpointOnly(HttpResponse<String> response, String path) {
        assertTrue(response.body().contains(publicName(path)), () -> "does not name the endpoint: " + response.body());
        assertFalse(response.body().contains("127.0.0.1"), () -> "names the mapped target: " + response.body());
    }

    private static void awaitAtLeast(int expected, IntSupplier actual, String message) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (actual.getAsInt() < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertTrue(actual.getAsInt() >= expected, () -> message + ": " + actual.getAsInt() + " < " + expected);
    }
}
