package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
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
import org.w3id.srkg.support.RawHttp;

/**
 * Clients that send a request body slowly (the "slow POST" attack) cost no thread while they do, and are cut off:
 * twenty connections each dripping a declared 2016-byte body, one byte every two seconds, while eight other clients
 * query. Before {@link RequestBodyReader} the drippers held every one of Fuseki's threads and the others waited.
 */
class SlowBodyTest {

    private static final int DRIPPERS = 20;
    private static final int CLIENTS = 8;
    private static final int DECLARED = 2016;
    private static final Duration DRIP = Duration.ofSeconds(2);
    /** How long the normal clients may take: generous on a busy machine, far below the drippers' 67 minutes. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(15);
    /** When the drippers must have been cut off: the body deadline for 2016 bytes plus slack for a busy machine. */
    private static final Duration CLOSED_WITHIN = RequestBodyReader.deadline(DECLARED).plusSeconds(15);

    private static FusekiServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SparqlServer.start(new ServedDataset(Pipeline.build(Fixtures.root("good"))), "127.0.0.1", 0,
                ServerOptions.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void slowBodiesNeitherStarveOtherClientsNorStayOpen() throws Exception {
        RawHttp attacker = new RawHttp("127.0.0.2", server.getPort());
        ExecutorService pool = Executors.newFixedThreadPool(DRIPPERS + CLIENTS);
        try {
            long started = System.nanoTime();
            List<CompletableFuture<Duration>> drippers = new ArrayList<>();
            for (int i = 0; i < DRIPPERS; i++) {
                drippers.add(CompletableFuture.supplyAsync(() -> dripUntilClosed(attacker, started), pool));
            }
            Thread.sleep(DRIP.toMillis() * 2);

            RawHttp other = new RawHttp("127.0.0.3", server.getPort());
            List<CompletableFuture<RawHttp.Response>> queries = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                queries.add(CompletableFuture.supplyAsync(
                        () -> other.get("/sparql?query=ASK%7B%7D", "Accept: text/plain"), pool));
            }
            long asked = System.nanoTime();
            for (CompletableFuture<RawHttp.Response> query : queries) {
                long left = ANSWERED_WITHIN.toNanos() - (System.nanoTime() - asked);
                RawHttp.Response answer = query.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
                assertEquals(200, answer.status(), answer.body());
            }

            for (CompletableFuture<Duration> dripper : drippers) {
                Duration open = dripper.get(CLOSED_WITHIN.toSeconds() + 5, TimeUnit.SECONDS);
                assertTrue(open.compareTo(CLOSED_WITHIN) <= 0, "a slow body stayed open for " + open);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends a body one byte per drip until the server answers or closes; how long after {@code started} it did. */
    private static Duration dripUntilClosed(RawHttp client, long started) {
        try (Socket socket = client.connect()) {
            socket.setSoTimeout((int) DRIP.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                    + "Content-Length: " + DECLARED + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            for (int sent = 0; sent < DECLARED; sent++) {
                out.write(' ');
                out.flush();
                try {
                    in.read();
                    break; // an answer or the end of the stream: either way the server let go
                } catch (SocketTimeoutException stillOpen) {
                    if (System.nanoTime() - started > CLOSED_WITHIN.toNanos() + DRIP.toNanos()) {
                        break;
                    }
                }
            }
        } catch (IOException closed) {
            // A reset while writing: the server closed the connection.
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
