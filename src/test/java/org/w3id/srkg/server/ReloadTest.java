package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

/** Reloads while the server answers: atomic swaps under concurrent readers, failed builds, the watcher, the endpoint. */
class ReloadTest {

    /**
     * Two counts taken by one query in two separate parts, the first slower (a product of the graph with itself): a
     * reader that saw the old graph in one part and the new in the other would get a pair that belongs to neither.
     */
    private static final String PAIR = "SELECT ?all ?japan WHERE { "
            + "{ SELECT (COUNT(*) AS ?all) { GRAPH ?g { ?s ?p ?o } GRAPH ?h { ?a ?b ?c } } } "
            + "{ SELECT (COUNT(*) AS ?japan) { ?x <http://www.w3.org/2000/01/rdf-schema#label> 'Japan'@en } } }";
    private static final int READS = 400;
    private static final String JAPAN = "\n<https://w3id.org/srkg/id/country/JP> a srkg:Country ; rdfs:label \"Japan\"@en .\n";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void readersDuringReloadsSeeTheOldOrTheNewGraphAndNeverFail() throws Exception {
        // The two graphs are built by the pipeline once; the reloads alternate them as fast as they can, so that
        // many reads straddle a swap (the tests below rebuild through the pipeline on every reload).
        Path grownRoot = withJapan(Fixtures.copy(Fixtures.root("good"), temp.resolve("grown")));
        var old = Pipeline.build(Fixtures.root("good"));
        var grown = Pipeline.build(grownRoot);
        AtomicInteger reloads = new AtomicInteger();
        ServedDataset served = new ServedDataset(old);
        Reloader reloader = new Reloader(() -> reloads.getAndIncrement() % 2 == 0 ? grown : old, served::swap);
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0, ServerOptions.DEFAULTS);
        try {
            Http http = new Http(server.getPort());
            String oldPair = pair(http);
            assertTrue(reloader.reload().reloaded());
            String newPair = pair(http);
            assertFalse(oldPair.equals(newPair), "the two graphs answer differently: " + oldPair);

            AtomicInteger reads = new AtomicInteger();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            ExecutorService readers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                running.add(readers.submit(() -> {
                    while (reads.getAndIncrement() < READS) {
                        HttpResponse<String> response = http.query("/sparql", PAIR, "text/csv");
                        if (response.statusCode() != 200
                                || !(response.body().equals(oldPair) || response.body().equals(newPair))) {
                            wrong.add(response.statusCode() + " " + response.body());
                        }
                    }
                }));
            }
            while (reads.get() < READS) {
                assertTrue(reloader.reload().reloaded());
            }
            for (Future<?> reader : running) {
                reader.get();
            }
            readers.shutdown();
            assertTrue(wrong.isEmpty(), () -> wrong.size() + " answers were neither graph: " + wrong.peek());
            assertTrue(reloads.get() > 10, "reloads happened during the reads: " + reloads.get());
        } finally {
            server.stop();
        }
    }

    @Test
    void pagesAndDownloadsFollowAReload() throws Exception {
        Path grownRoot = withJapan(Fixtures.copy(Fixtures.root("good"), temp.resolve("grown-pages")));
        ServedDataset served = new ServedDataset(Pipeline.build(Fixtures.root("good")));
        Reloader reloader = new Reloader(() -> Pipeline.build(grownRoot), served::swap);
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0, ServerOptions.DEFAULTS);
        try {
            Http http = new Http(server.getPort());
            String before = http.send(http.request("/downloads/srkg.nq").GET()).body();
            assertTrue(reloader.reload().reloaded());
            String after = http.send(http.request("/downloads/srkg.nq").GET()).body();
            assertFalse(before.contains("Japan"), "the first graph has no Japan");
            assertTrue(after.contains("Japan"), "the dump offered after the reload is the new graph's");
            assertTrue(http.send(http.request("/graph/entities").header("Accept", "application/n-triples").GET())
                    .body().contains("Japan"), "the pages describe the new graph");
        } finally {
            server.stop();
        }
    }

    @Test
    void failedBuildKeepsServingTheOldGraphAndSaysWhy() throws Exception {
        ServedDataset served = new ServedDataset(Pipeline.build(Fixtures.root("good")));
        Reloader reloader = new Reloader(() -> Pipeline.build(Fixtures.root("broken-turtle")), served::swap);
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0, ServerOptions.DEFAULTS);
        try {
            Http http = new Http(server.getPort());
            String before = pair(http);
            Reloader.Outcome outcome = reloader.reload();
            assertFalse(outcome.reloaded());
            assertTrue(outcome.message().contains("still serving the previous graph")
                    && outcome.message().contains(".ttl:"), outcome.message());
            assertEquals(before, pair(http));
        } finally {
            server.stop();
        }
    }

    @Test
    void watcherReloadsWhenASeedChanges() throws Exception {
        Path root = Fixtures.copy(Fixtures.root("good"), temp.resolve("watched"));
        ServedDataset served = new ServedDataset(Pipeline.build(root));
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0, ServerOptions.DEFAULTS);
        try (Reloader reloader = new Reloader(() -> Pipeline.build(root), served::swap)) {
            reloader.watch(List.of(root.resolve("seeds"), root.resolve("ontology")), Duration.ofMillis(200));
            Http http = new Http(server.getPort());
            assertTrue(pair(http).endsWith(",0\r\n"), "no Japan yet");
            withJapan(root);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (pair(http).endsWith(",0\r\n") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(pair(http).endsWith(",1\r\n"), "the change was picked up: " + pair(http));
        } finally {
            server.stop();
        }
    }

    @Test
    void reloadEndpointSwapsForTheOperatorAnd409sOnABrokenBuild() throws Exception {
        Path root = Fixtures.copy(Fixtures.root("good"), temp.resolve("endpoint"));
        Path passwords = Files.writeString(temp.resolve("passwords"), "operator: s3cret\n");
        ServedDataset served = new ServedDataset(Pipeline.build(root));
        Reloader reloader = new Reloader(() -> Pipeline.build(root), served::swap);
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withOperatorEndpoints(passwords, false, false, reloader));
        try {
            Http http = new Http(server.getPort());
            String login = "Basic " + Base64.getEncoder().encodeToString("operator:s3cret".getBytes(StandardCharsets.UTF_8));
            withJapan(root);
            HttpResponse<String> reloaded = http.send(http.request(ReloadServlet.PATH).header("Authorization", login)
                    .POST(BodyPublishers.noBody()));
            assertEquals(200, reloaded.statusCode(), reloaded.body());
            assertTrue(pair(http).endsWith(",1\r\n"));

            Files.writeString(root.resolve("seeds/entities.ttl"), "this is not turtle", StandardOpenOption.APPEND);
            HttpResponse<String> refused = http.send(http.request(ReloadServlet.PATH).header("Authorization", login)
                    .POST(BodyPublishers.noBody()));
            assertEquals(409, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("entities.ttl"), refused.body());
            assertTrue(pair(http).endsWith(",1\r\n"), "still the last good graph");
        } finally {
            server.stop();
        }
    }

    private static String pair(Http http) {
        HttpResponse<String> response = http.query("/sparql", PAIR, "text/csv");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static Path withJapan(Path root) throws IOException {
        Files.writeString(root.resolve("seeds/entities.ttl"), JAPAN, StandardOpenOption.APPEND);
        return root;
    }
}
