package org.w3id.srkg.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.support.Fixtures;

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

    /**
     * The image serves {@code --root /app}: what the runtime stage copies there from the repository must build the
     * same graphs as the repository itself, so a folder the pipeline reads (the example queries, say) cannot be left
     * out of the image.
     */
    @Test
    void runtimeStageCopiesEverythingTheServedBuildReads(@TempDir Path app) throws Exception {
        List<String> buildStage = dockerfile().stream()
                .filter(l -> l.startsWith("COPY ") && !l.contains("--from=")).map(l -> l.split("\\s+")[2]).toList();
        Pattern copy = Pattern.compile("COPY --from=build /src/(\\S+) /app/(\\S+)");
        for (String line : dockerfile()) {
            Matcher m = copy.matcher(line);
            if (m.matches() && !m.group(1).startsWith("target/")) {
                assertEquals(m.group(1), m.group(2), "the image keeps the repository's layout under /app: " + line);
                assertTrue(buildStage.stream().anyMatch(d -> (m.group(1) + "/").startsWith(d + "/")),
                        () -> line + ": the build stage has no " + m.group(1));
                Fixtures.copy(ROOT.resolve(m.group(1)), app.resolve(m.group(2)));
            }
        }
        Map<String, Long> image = graphSizes(Pipeline.build(app));
        assertTrue(image.containsKey(Namespaces.EXAMPLES_GRAPH.getURI()), image::toString);
        assertEquals(graphSizes(Pipeline.build(ROOT)), image);
    }

    private static Map<String, Long> graphSizes(DatasetGraph dataset) {
        Map<String, Long> sizes = new TreeMap<>();
        for (Node graph : (Iterable<Node>) dataset::listGraphNodes) {
            sizes.put(graph.getURI(), (long) dataset.getGraph(graph).size());
        }
        return sizes;
    }
}
