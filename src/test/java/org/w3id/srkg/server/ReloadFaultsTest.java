package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.pipeline.TurtleParser;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

/**
 * A build may fail in any way, an Error included (a seed nested deep enough to overflow a recursive parser, memory
 * running out): the reload is refused with its reason, the previous graph is still served, and the watcher and
 * {@code POST /$/reload} go on working.
 */
class ReloadFaultsTest {

    private static final String JAPAN_COUNT = "SELECT (COUNT(*) AS ?n) "
            + "{ ?x <http://www.w3.org/2000/01/rdf-schema#label> 'Japan'@en }";
    private static final String JAPAN = "\n<https://w3id.org/srkg/id/country/JP> a srkg:Country ; rdfs:label \"Japan\"@en .\n";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void aSeedNestedTooDeeplyIsA409AtItsPositionAndTheOldGraphStays() throws Exception {
        Path root = Fixtures.copy(Fixtures.root("good"), temp.resolve("deep"));
        Path passwords = Files.writeString(temp.resolve("passwords"), "operator: s3cret\n");
        ServedDataset served = new ServedDataset(Pipeline.build(root));
        Reloader reloader = new Reloader(() -> Pipeline.build(root), served::swap);
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withOperatorEndpoints(passwords, false, false, reloader));
        try {
            Http http = new Http(server.getPort());
            long lines = Files.readAllLines(root.resolve("seeds/entities.ttl")).size();
            // 50,000 blank nodes, each inside the last: what overflowed the stack of the watch thread.
            String subject = "<https://w3id.org/srkg/id/country/JP> rdfs:seeAlso ";
            String deep = "\n" + subject + "[ rdfs:seeAlso ".repeat(50_000) + "<https://example.org/x>"
                    + " ]".repeat(50_000) + " .\n";
            Files.writeString(root.resolve("seeds/entities.ttl"), deep, StandardOpenOption.APPEND);
            HttpResponse<String> refused = reload(http);
            assertEquals(409, refused.statusCode(), refused.body());
            // The opening bracket one past the limit, on the appended line.
            String where = "seeds/entities.ttl:" + (lines + 2) + ":"
                    + (subject.length() + "[ rdfs:seeAlso ".length() * TurtleParser.MAX_NESTING + 1) + ":";
            assertTrue(refused.body().contains(where) && refused.body().contains("nested"), refused.body());
            assertEquals("0", japan(http), "still the previous graph");

            Files.writeString(root.resolve("seeds/entities.ttl"),
                    Files.readString(Fixtures.root("good").resolve("seeds/entities.ttl")) + JAPAN);
            HttpResponse<String> reloaded = reload(http);
            assertEquals(200, reloaded.statusCode(), reloaded.body());
            assertEquals("1", japan(http));
        } finally {
            server.stop();
        }
    }

    @Test
    void anErrorInABuildIsA409AndTheEndpointStillReloads() throws Exception {
        Path root = Fixtures.copy(Fixtures.root("good"), temp.resolve("error"));
        Path passwords = Files.writeString(temp.resolve("passwords"), "operator: s3cret\n");
        ServedDataset served = new ServedDataset(Pipeline.build(root));
        AtomicInteger builds = new AtomicInteger();
        Reloader reloader = new Reloader(() -> {
            if (builds.getAndIncrement() == 0) {
                throw new OutOfMemoryError("Java heap space (thrown by the test)");
            }
            return Pipeline.build(root);
        }, served::swap);
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withOperatorEndpoints(passwords, false, false, reloader));
        try {
            Http http = new Http(server.getPort());
            withJapan(root);
            HttpResponse<String> refused = reload(http);
            assertEquals(409, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("OutOfMemoryError") && refused.body().contains("thrown by the test"),
                    refused.body());
            assertEquals("0", japan(http), "still the previous graph");
            HttpResponse<String> reloaded = reload(http);
            assertEquals(200, reloaded.statusCode(), reloaded.body());
            assertEquals("1", japan(http));
        } finally {
            server.stop();
        }
    }

    @Test
    void theWatcherSurvivesAnErrorInABuild() throws Exception {
        Path root = Fixtures.copy(Fixtures.root("good"), temp.resolve("watched"));
        ServedDataset served = new ServedDataset(Pipeline.build(root));
        AtomicInteger builds = new AtomicInteger();
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0, ServerOptions.DEFAULTS);
        try (Reloader reloader = new Reloader(() -> {
            if (builds.getAndIncrement() == 0) {
                throw new StackOverflowError("thrown by the test");
            }
            return Pipeline.build(root);
        }, served::swap)) {
            reloader.watch(List.of(root.resolve("seeds"), root.resolve("ontology")), Duration.ofMillis(200));
            Http http = new Http(server.getPort());
            Files.writeString(root.resolve("seeds/entities.ttl"), "\n# a first change\n", StandardOpenOption.APPEND);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (builds.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, builds.get(), "the first change was built (and failed)");
            withJapan(root);
            while (japan(http).equals("0") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals("1", japan(http), "the watcher went on after the failed build");
        } finally {
            server.stop();
        }
    }

    @Test
    void anEmptyOrFolderClaimsFileOrBytesNotUtf8AreA409NamingTheFile() throws Exception {
        Path root = Fixtures.copy(Fixtures.root("good"), temp.resolve("claims"));
        Path passwords = Files.writeString(temp.resolve("passwords"), "operator: s3cret\n");
        ServedDataset served = new ServedDataset(Pipeline.build(root));
        Reloader reloader = new Reloader(() -> Pipeline.build(root), served::swap);
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withOperatorEndpoints(passwords, false, false, reloader));
        try {
            Http http = new Http(server.getPort());
            Path claims = root.resolve("seeds/claims/001.ttl");
            String kept = Files.readString(claims);
            Files.writeString(claims, "");
            HttpResponse<String> empty = reload(http);
            assertEquals(409, empty.statusCode(), empty.body());
            assertTrue(empty.body().contains("seeds/claims/001.ttl: empty"), empty.body());

            Files.writeString(claims, kept);
            Files.createDirectories(root.resolve("seeds/claims/002.ttl"));
            HttpResponse<String> folder = reload(http);
            assertEquals(409, folder.statusCode(), folder.body());
            assertTrue(folder.body().contains("seeds/claims/002.ttl: a folder"), folder.body());
            Files.delete(root.resolve("seeds/claims/002.ttl"));

            String before = "<https://w3id.org/srkg/id/country/JP> rdfs:label \"Jap";
            Files.write(root.resolve("seeds/entities.ttl"), ("\n" + before).getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.APPEND);
            Files.write(root.resolve("seeds/entities.ttl"), new byte[] {(byte) 0xC3, 0x28, '"', ' ', '.', '\n'},
                    StandardOpenOption.APPEND);
            long lines = Files.readString(Fixtures.root("good").resolve("seeds/entities.ttl")).lines().count();
            HttpResponse<String> bytes = reload(http);
            assertEquals(409, bytes.statusCode(), bytes.body());
            assertTrue(bytes.body().contains("seeds/entities.ttl:" + (lines + 2) + ":" + (before.length() + 1) + ": not UTF-8"), bytes.body());
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> reload(Http http) {
        String login = "Basic " + Base64.getEncoder().encodeToString("operator:s3cret".getBytes(StandardCharsets.UTF_8));
        return http.send(http.request(ReloadServlet.PATH).header("Authorization", login).POST(BodyPublishers.noBody()));
    }

    private static String japan(Http http) {
        HttpResponse<String> response = http.query("/sparql", JAPAN_COUNT, "text/csv");
        assertEquals(200, response.statusCode(), response.body());
        return response.body().split("\r\n")[1];
    }

    private static void withJapan(Path root) throws IOException {
        Files.writeString(root.resolve("seeds/entities.ttl"), JAPAN, StandardOpenOption.APPEND);
    }
}
