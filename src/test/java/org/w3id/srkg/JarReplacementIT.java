package org.w3id.srkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.support.Http;

/**
 * {@code mvn package} while {@code java -jar target/srkg.jar serve} runs from the same checkout (what the README's
 * first two commands invite) must not break the server. A JVM reads classes from its jar, by offsets taken from the
 * zip's directory when it opened it, for as long as it runs: a jar rewritten in place (what the build did) gives it
 * another file's bytes at those offsets, and every class not loaded yet fails (500s, JSON bodies that were a class
 * name). The build now writes the new jar beside and renames it over the old name, as this test does to a copy of
 * target/srkg.jar in a folder of its own: the running JVM keeps the old file (its inode) and answers as before.
 * The server runs from that copy so that the checkout's jar is left alone.
 */
class JarReplacementIT {

    private static final Pattern STARTED = Pattern.compile("srkg: SPARQL endpoint http://127\\.0\\.0\\.1:(\\d+)/sparql");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void aServerWhoseJarIsReplacedByRenameGoesOnAnswering() throws Exception {
        Path jar = Files.copy(Path.of("target/srkg.jar"), temp.resolve("srkg.jar"));
        Path log = temp.resolve("serve.log");
        Process server = new ProcessBuilder("java", "-jar", jar.toString(), "serve", "--port", "0")
                .directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            Http http = new Http(port(server, log));
            assertEquals(200, http.query("/sparql", "ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode());
            assertEquals(200, http.send(http.request("/").header("Accept", "text/html").GET()).statusCode());

            // What the build's last step does: another jar (the plain one the build makes) written beside, then
            // moved over the name by rename.
            Path next = Files.copy(Path.of("target/plain/srkg.jar"), temp.resolve("srkg.jar.new"));
            Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            // Requests that load classes the server had not needed yet: JSON and XML results, a CONSTRUCT in
            // Turtle, the pages, the dumps (JSON-LD's writer among them).
            HttpResponse<String> json = http.query("/sparql",
                    "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", "application/sparql-results+json");
            assertEquals(200, json.statusCode(), json.body());
            assertTrue(json.body().contains("\"n\"") && json.body().contains("\"value\""), json.body());
            HttpResponse<String> xml = http.query("/sparql", "SELECT ?s { ?s ?p ?o } LIMIT 1",
                    "application/sparql-results+xml");
            assertEquals(200, xml.statusCode(), xml.body());
            assertTrue(xml.body().contains("<sparql"), xml.body());
            HttpResponse<String> turtle = http.query("/sparql", "CONSTRUCT WHERE { ?s a ?t } LIMIT 3", "text/turtle");
            assertEquals(200, turtle.statusCode(), turtle.body());
            for (String page : new String[] {"/ontology", "/query", "/downloads", "/downloads/srkg.jsonld"}) {
                HttpResponse<String> response = http.send(http.request(page).header("Accept", "text/html").GET());
                assertEquals(200, response.statusCode(), page + ": " + response.body());
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static int port(Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                return Integer.parseInt(started.group(1));
            }
            assertTrue(server.isAlive(), () -> "srkg serve exited; see " + log);
            Thread.sleep(200);
        }
        throw new AssertionError("srkg serve did not start within " + PATIENCE.toSeconds() + " s; see " + log);
    }
}
