package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

/**
 * Request details Fuseki got wrong: a form in an unknown charset is the client's fault (400, not 500), and a
 * client's {@code ?timeout=} in fractions of a second applies (Fuseki ignored it) while one that is no number is
 * refused (Fuseki ignored it too, logging a warning each time).
 */
class RequestParsingTest {

    private static FusekiServer server;
    private static RawHttp client;

    @BeforeAll
    static void start() throws Exception {
        server = SparqlServer.start(new ServedDataset(Pipeline.build(Fixtures.root("good"))), "127.0.0.1", 0,
                ServerOptions.of(QueryLimits.DEFAULTS.withTimeout(Duration.ofMinutes(10))));
        client = new RawHttp("127.0.0.1", server.getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "query=ASK%7B%7D"})
    void aFormInAnUnknownCharsetIs400(String body) {
        RawHttp.Response answer = client.post("/sparql", "application/x-www-form-urlencoded; charset=x-unknown", body);
        assertEquals(400, answer.status(), answer.body());
    }

    @Test
    void aFractionalTimeoutApplies() throws Exception {
        long started = System.nanoTime();
        RawHttp.Response answer = CompletableFuture.supplyAsync(() -> client.get("/sparql?timeout=0.5&query="
                + Http.encode(QueryLimitsTest.ENDLESS), "Accept: text/csv")).get(30, TimeUnit.SECONDS);
        assertEquals(503, answer.status(), answer.body());
        assertTrue(answer.body().contains("Query timed out"), answer.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(500)) >= 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-1", "0.5.1", "1e3"})
    void aTimeoutThatIsNoNumberOfSecondsIs400(String timeout) {
        RawHttp.Response answer = client.get("/sparql?timeout=" + timeout + "&query=ASK%7B%7D");
        assertEquals(400, answer.status(), answer.body());
    }

    @Test
    void wholeSecondsStillWork() {
        assertEquals(200, client.get("/sparql?timeout=5&query=ASK%7B%7D").status());
        assertEquals(200, client.get("/sparql?timeout=5,10&query=ASK%7B%7D").status());
    }
}
