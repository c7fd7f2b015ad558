package org.w3id.srkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3id.srkg.support.ServedJar;

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

        try (ServedJar server = ServedJar.start(ROOT.resolve("target/readme-it-server.log"))) {
            int port = server.port();
            String curl = block.group(1).replace("127.0.0.1:3030", "127.0.0.1:" + port);
            assertTrue(curl.contains(":" + port + "/"), "the command names the default address");

            Process client = new ProcessBuilder("bash", "-c", curl).redirectErrorStream(true).start();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, client.waitFor(), output);

            List<String> lines = output.lines().toList();
            assertEquals("g,n", lines.get(0), output);
            assertTrue(lines.contains("https://w3id.org/srkg/graph/ontology," + count(lines, "ontology")), output);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("https://w3id.org/srkg/graph/article/")), output);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("https://w3id.org/srkg/graph/metadata,")), output);
        }
    }

    private static String count(List<String> lines, String graph) {
        String prefix = "https://w3id.org/srkg/graph/" + graph + ",";
        String n = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(prefix + "?").substring(prefix.length());
        assertTrue(n.matches("[1-9]\\d*"), () -> graph + " has statements: " + lines);
        return n;
    }
}
