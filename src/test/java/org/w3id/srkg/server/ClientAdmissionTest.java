package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;
import org.w3id.srkg.support.RawHttp;

/**
 * One client (127.0.0.2) sends more endless queries at once than {@link ClientAdmission} runs and queues for it: the
 * excess is answered 429 with Retry-After, while another client (127.0.0.3) gets its cheap queries answered.
 */
class ClientAdmissionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(4);
    /** Generous for a busy machine; an unbounded client's queries would all run until the timeout instead. */
    private static final Duration CHEAP_WITHIN = Duration.ofSeconds(10);

    private static FusekiServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SparqlServer.start(new ServedDataset(Pipeline.build(Fixtures.root("good"))), "127.0.0.1", 0,
                ServerOptions.of(QueryLimits.DEFAULTS.withTimeout(TIMEOUT)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aClientBeyondItsBoundGets429WhileOthersAreAnswered() throws Exception {
        int admitted = ClientAdmission.DEFAULT_CONCURRENT * (1 + ClientAdmission.WAITING_PER_RUNNING);
        int sent = admitted + 3;
        RawHttp attacker = new RawHttp("127.0.0.2", server.getPort());
        String heavy = "/sparql?query=" + Http.encode(QueryLimitsTest.ENDLESS);
        ExecutorService pool = Executors.newFixedThreadPool(sent);
        try {
            List<CompletableFuture<RawHttp.Response>> floods = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                floods.add(CompletableFuture.supplyAsync(() -> attacker.get(heavy, "Accept: text/csv"), pool));
            }
            Thread.sleep(500);

            RawHttp other = new RawHttp("127.0.0.3", server.getPort());
            for (int i = 0; i < 5; i++) {
                long asked = System.nanoTime();
                RawHttp.Response cheap = other.get("/sparql?query=ASK%7B%7D", "Accept: text/plain");
                assertEquals(200, cheap.status(), cheap.body());
                Duration took = Duration.ofNanos(System.nanoTime() - asked);
                assertTrue(took.compareTo(CHEAP_WITHIN) < 0, "a cheap query took " + took);
            }

            int refused = 0;
            for (CompletableFuture<RawHttp.Response> flood : floods) {
                RawHttp.Response answer = flood.get(60, TimeUnit.SECONDS);
                if (answer.status() == 429) {
                    refused++;
                    assertEquals(ClientAdmission.RETRY_AFTER_SECONDS, answer.header("Retry-After"));
                } else {
                    assertEquals(503, answer.status(), answer.body()); // ran, and timed out
                }
            }
            assertTrue(refused >= sent - admitted, refused + " of " + sent + " refused");
        } finally {
            pool.shutdownNow();
        }
    }
}
