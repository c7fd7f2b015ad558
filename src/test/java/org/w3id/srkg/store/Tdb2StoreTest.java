package org.w3id.srkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.cli.Srkg;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.server.ServedDataset;
import org.w3id.srkg.server.ServerOptions;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

class Tdb2StoreTest {

    private static final int OLD = 5_000;
    private static final int NEW = 2_000_000;
    private static final int KILLED_AFTER = 300_000;

    @TempDir
    Path temp;

    @Test
    void loadKilledMidwayLeavesExactlyTheOldDataAndTheDatabaseOpens() throws Exception {
        Path dir = temp.resolve("db");
        Process first = child(dir, "old", OLD);
        assertEquals("DONE", firstLine(first));
        assertEquals(0, first.waitFor());

        Process killed = child(dir, "new", NEW, KILLED_AFTER);
        assertEquals("PAUSED", firstLine(killed), "the load is in its transaction with " + KILLED_AFTER + " quads");
        killed.destroyForcibly();
        killed.waitFor(60, TimeUnit.SECONDS);

        assertHoldsExactly(dir, "old", OLD);

        Process again = child(dir, "again", 1_000);
        assertEquals("DONE", firstLine(again));
        assertEquals(0, again.waitFor());
        assertHoldsExactly(dir, "again", 1_000);
    }

    @Test
    void buildWritesTheDatabaseAndServeAnswersFromIt() throws Exception {
        Path dir = temp.resolve("srkg-db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Srkg.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                "build", "--root", Fixtures.root("good").toString(), "--out", temp.resolve("dump").toString(),
                "--tdb2", dir.toString());
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));

        DatasetGraph database = Tdb2Store.open(dir);
        FusekiServer server = SparqlServer.start(new ServedDataset(database), "127.0.0.1", 0, ServerOptions.DEFAULTS);
        try {
            long inMemory = Pipeline.build(Fixtures.root("good")).stream().count();
            Http http = new Http(server.getPort());
            String count = http.query("/sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv").body();
            assertEquals("n\r\n" + inMemory + "\r\n", count);
            String china = http.query("/sparql", "SELECT ?c WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> 'China'@en }",
                    "text/csv").body();
            assertEquals("c\r\nhttps://w3id.org/srkg/id/country/CN\r\n", china, "the default graph is the union");
            // The pages read a TDB2 database too (each request in its own read transaction).
            for (String page : new String[] {"/id/country/CN", "/ontology", "/downloads", "/.well-known/void"}) {
                assertEquals(200, http.send(http.request(page).header("Accept", "text/html").GET()).statusCode(), page);
            }
        } finally {
            server.stop();
            TDBInternal.expel(database, true);
        }
    }

    private static void assertHoldsExactly(Path dir, String label, int count) {
        DatasetGraph database = Tdb2Store.open(dir);
        try {
            database.executeRead(() -> {
                assertEquals(count, database.stream().count());
                Iterator<Quad> expected = Tdb2LoadChild.synthetic(label, count);
                while (expected.hasNext()) {
                    Quad quad = expected.next();
                    assertTrue(database.contains(quad), () -> "missing " + quad);
                }
            });
        } finally {
            // Let the next child process take the database.
            TDBInternal.expel(database, true);
        }
    }

    private static Process child(Path dir, String label, int count, int... pauseAfter) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Tdb2LoadChild.class.getName(),
                dir.toString(), label, Integer.toString(count));
        if (pauseAfter.length > 0) {
            builder.command().add(Integer.toString(pauseAfter[0]));
        }
        return builder.redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.equals("DONE") || line.equals("PAUSED")) {
                return line;
            }
        }
        return "exit " + process.waitFor();
    }
}
