package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Http;
import org.w3id.srkg.support.RawHttp;

/**
 * A query whose client hangs up is aborted at once, not left running to the timeout: impatient clients that ask
 * again would otherwise fill Fuseki's threads with queries nobody waits for (issue 14).
 */
class ClientGoneTest {

    /** Long, so that a thread given back well before it can only have been given back by the abort. */
    private static final Duration TIMEOUT = Duration.ofSeconds(25);
    /** A cross product of the curated graph: minutes of work. */
    private static final String HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    private static FusekiServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = SparqlServer.start(new ServedDataset(Pipeline.build(java.nio.file.Path.of("."))), "127.0.0.1", 0,
                ServerOptions.of(QueryLimits.DEFAULTS.withTimeout(TIMEOUT)));
        http = new Http(server.getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void queriesOfClientsThatLeftGiveTheirThreadsBackLongBeforeTheTimeout() throws Exception {
        QueuedThreadPool pool = (QueuedThreadPool) server.getJettyServer().getThreadPool();
        int before = pool.getBusyThreads();
        byte[] body = ("query=" + Http.encode(HEAVY)).getBytes(StandardCharsets.US_ASCII);
        // Six clients, each from its own address (one address runs only a few queries at once), hang up after 300 ms.
        for (int i = 0; i < 6; i++) {
            RawHttp client = new RawHttp("127.0.0." + (40 + i), server.getPort());
            try (Socket socket = client.connect()) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                TimeUnit.MILLISECONDS.sleep(300);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pool.getBusyThreads() > before + 1 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertTrue(pool.getBusyThreads() <= before + 1,
                "busy threads 10 s after six clients left (timeout " + TIMEOUT.toSeconds() + " s): "
                        + pool.getBusyThreads() + ", before: " + before);
        assertEquals(200, http.get("/$/ping", "text/plain").statusCode());
    }
}
