package org.w3id.srkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.server.Reloader;
import org.w3id.srkg.server.ServedDataset;
import org.w3id.srkg.server.ServerOptions;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

/** {@code serve --tdb2} reloads: the downloads follow the new content, and the database does not grow with each. */
class Tdb2ReloadTest {

    private static final int RELOADS = 10;
    private static final String JAPAN = "\n<https://w3id.org/srkg/id/country/JP> a srkg:Country ; rdfs:label \"Japan\"@en .\n";

    @TempDir
    Path temp;

    @Test
    void downloadsFollowAReloadAndTheDatabaseStaysTheSizeOfOneBuild() throws Exception {
        Path grown = Fixtures.copy(Fixtures.root("good"), temp.resolve("grown"));
        Files.writeString(grown.resolve("seeds/entities.ttl"), JAPAN, StandardOpenOption.APPEND);
        Path dir = temp.resolve("db");
        DatasetGraph database = Tdb2Store.open(dir);
        Tdb2Store.replace(database, Pipeline.build(Fixtures.root("good")));
        long oneBuild = size(dir);
        ServedDataset served = new ServedDataset(database);
        AtomicInteger builds = new AtomicInteger();
        Reloader reloader = new Reloader(
                () -> Pipeline.build(builds.getAndIncrement() % 2 == 0 ? grown : Fixtures.root("good")),
                Tdb2Store.reloadInto(database, served));
        Path passwords = Files.writeString(temp.resolve("passwords"), "operator: s3cret\n");
        FusekiServer server = SparqlServer.start(served, "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withOperatorEndpoints(passwords, false, false, reloader));
        try {
            Http http = new Http(server.getPort());
            String login = "Basic " + Base64.getEncoder().encodeToString("operator:s3cret".getBytes(StandardCharsets.UTF_8));
            assertTrue(!download(http).contains("Japan"));
            for (int i = 0; i < RELOADS; i++) {
                HttpResponse<String> reloaded = http.send(http.request("/$/reload").header("Authorization", login)
                        .POST(BodyPublishers.noBody()));
                assertEquals(200, reloaded.statusCode(), reloaded.body());
                boolean japan = i % 2 == 0;
                String nq = download(http);
                assertEquals(japan, nq.contains("Japan"), "reload " + i + ": the download is the served content");
                String count = http.query("/sparql", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", "text/csv")
                        .body();
                assertEquals("n\r\n" + nq.lines().count() + "\r\n", count, "reload " + i + ": one line per quad served");
            }
            long after = size(dir);
            assertTrue(after <= 2 * oneBuild, "after " + RELOADS + " reloads " + after + " bytes, one build " + oneBuild);
        } finally {
            server.stop();
            TDBInternal.expel(database, true);
        }
    }

    private static String download(Http http) {
        HttpResponse<String> response = http.send(http.request("/downloads/srkg.nq").GET());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /**
     * Bytes on disk, as {@code du} counts them: TDB2's files are sparse (their length is what is mapped, 8 MiB a
     * file and more), so the sum of their lengths says nothing of what the database holds.
     */
    private static long size(Path dir) throws IOException, InterruptedException {
        Process du = new ProcessBuilder("du", "-s", "-B1", dir.toString()).redirectErrorStream(true).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, du.waitFor(), out);
        return Long.parseLong(out.split("\\s+")[0]);
    }
}
