package org.w3id.srkg.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3id.srkg.server.SparqlServer;

/** There is no Docker engine on the CI machines, so the image files are checked as text. */
class DockerfileTest {

    private static final Path ROOT = Path.of("");

    private static List<String> dockerfile() throws Exception {
        return Files.readAllLines(ROOT.resolve("docker/Dockerfile"));
    }

    @Test
    void everyCopySourceFromTheContextExists() throws Exception {
        List<String> copies = dockerfile().stream()
                .filter(l -> l.startsWith("COPY ") && !l.contains("--from="))
                .toList();
        assertFalse(copies.isEmpty());
        for (String copy : copies) {
            List<String> words = Arrays.asList(copy.trim().split("\\s+"));
            for (String source : words.subList(1, words.size() - 1)) {
                assertTrue(Files.exists(ROOT.resolve(source)), () -> copy + ": " + source + " is not in the repository");
            }
        }
    }

    @Test
    void imageRunsTheJarTheBuildMakes() throws Exception {
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(finalName.find(), "pom.xml names the jar");
        String jar = finalName.group(1) + ".jar";
        String text = String.join("\n", dockerfile());
        assertTrue(text.contains("COPY --from=build /src/target/" + jar + " /app/" + jar), text);
        assertTrue(text.contains("\"-jar\", \"/app/" + jar + "\", \"serve\""), text);
    }

    @Test
    void portAgreesWithTheCliDefault() throws Exception {
        String port = Integer.toString(SparqlServer.DEFAULT_PORT);
        String text = String.join("\n", dockerfile());
        assertTrue(text.contains("EXPOSE " + port + "\n"), text);
        assertTrue(text.contains("\"--port\", \"" + port + "\""), text);
        assertTrue(text.contains("http://127.0.0.1:" + port + "/$/ping"), text);
        assertTrue(Files.readString(ROOT.resolve("docker/compose.yml")).contains(":" + port + ":" + port + "\""));
    }

    @Test
    void buildStageUsesTheJavaVersionOfThePom() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>").matcher(pom);
        assertTrue(release.find());
        List<String> froms = dockerfile().stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, froms.size(), "a build stage and a runtime stage");
        froms.forEach(f -> assertTrue(f.contains("temurin-" + release.group(1)) || f.contains("temurin:" + release.group(1)), f));
    }
}
