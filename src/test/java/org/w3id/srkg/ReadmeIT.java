package org.w3id.srkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * README's quick start, as a user runs it: the packaged jar serves the repository's seeds, and the curl
 * command printed in README.md answers. Runs after package, so target/srkg.jar exists.
 */
class ReadmeIT {

    private static final Path ROOT = Path.of("");

    @Test
    void quickStartCurlCommandAnswers() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains("mvn -q -DskipTests package && java -jar target/srkg.jar serve"));
        Matcher block = Pattern.compile("<!-- quick-start-query -->\\s*```sh\\n(curl [^\\n]+)\\n```").matcher(readme);
        assertTrue(block.find(), "README.md has the marked curl block");

        int port = freePort();
        String curl = block.group(1).replace("127.0.0.1:3030", "127.0.0.1:" + port);
        assertTrue(curl.contains(":" + port + "/"), "the command names the default address");

        Process server = new ProcessBuilder("java", "-jar", "target/srkg.jar", "serve", "--port", Integer.toString(port))
                .directory(ROOT.toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ROOT.resolve("target/readme-it-server.log").toFile())
                .start();
        try {
            awaitPing(port, server);
            Process client = new ProcessBuilder("bash", "-c", curl).redirectErrorStream(true).start();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, client.waitFor(), output);

            List<String> lines = output.lines().toList();
            assertEquals("g,n", lines.get(0), output);
            assertTrue(lines.contains("https://w3id.org/srkg/graph/ontology," + count(lines, "ontology")), output);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("https://w3id.org/srkg/graph/article/")), output);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("https://w3id.org/srkg/graph/metadata,")), output);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static String count(List<String> lines, String graph) {
        String prefix = "https://w3id.org/srkg/graph/" + graph + ",";
        String n = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(prefix + "?").substring(prefix.length());
        assertTrue(n.matches("[1-9]\\d*"), () -> graph + " has statements: " + lines);
        return n;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPing(int port, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("srkg serve exited with " + server.exitValue()
                        + "; see target/readme-it-server.log");
            }
            try {
                if (http.send(ping, BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("srkg serve did not answer /$/ping within 60 s");
    }
}
