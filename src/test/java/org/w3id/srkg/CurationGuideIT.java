package org.w3id.srkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.support.Fixtures;

/**
 * Does exactly what {@code docs/CURATION.md} says, in a copy of the repository's ontology, seeds and examples: writes
 * the files it shows, makes and undoes the mistakes it shows, runs every command it shows with the packaged jar and
 * compares the output with the output it shows. A newcomer following the guide adds a sixth article; so does this.
 * <p>
 * The guide marks what to do with HTML comments before a fenced block: {@code <!-- file: PATH -->} (write the block),
 * {@code <!-- append: PATH -->}, {@code <!-- change: PATH -->} (a diff block: the ' ' and '-' lines are replaced by the
 * ' ' and '+' lines), {@code <!-- revert: PATH -->} (undo that file's last change), and {@code <!-- run: exit N -->}
 * (an {@code sh} block with one command, then a {@code text} block with its output; '…' in it matches any text).
 */
class CurationGuideIT {

    private static final Path GUIDE = Path.of("docs/CURATION.md");
    private static final Pattern STEP = Pattern.compile(
            "<!-- (file|append|change|revert|run): ([^>]*?) -->\\n(?:```[a-z]*\\n(.*?)```\\n)?(?:```text\\n(.*?)```\\n)?",
            Pattern.DOTALL);

    @Test
    void followingTheGuideAddsASixthArticle(@TempDir Path root) throws Exception {
        String guide = Files.readString(GUIDE);
        for (String folder : List.of("ontology", "seeds", "examples")) {
            Fixtures.copy(Path.of(folder), root.resolve(folder));
        }
        Files.createDirectories(root.resolve("target"));
        Files.copy(Path.of("target/srkg.jar"), root.resolve("target/srkg.jar"));

        Map<String, String> beforeChange = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        int commands = 0;
        Matcher step = STEP.matcher(guide);
        while (step.find()) {
            String kind = step.group(1);
            String argument = step.group(2).trim();
            String block = step.group(3);
            Path file = root.resolve(argument);
            switch (kind) {
                case "file" -> Files.writeString(file, block);
                case "append" -> Files.writeString(file, "\n" + block, StandardOpenOption.APPEND);
                case "change" -> {
                    String text = Files.readString(file);
                    String[] diff = diff(block);
                    assertEquals(1, occurrences(text, diff[0]), () -> "the change's old lines occur once in " + argument + ":\n" + diff[0]);
                    beforeChange.put(argument, text);
                    Files.writeString(file, text.replace(diff[0], diff[1]));
                }
                case "revert" -> Files.writeString(file, beforeChange.remove(argument));
                case "run" -> {
                    commands++;
                    int exit = Integer.parseInt(argument.replace("exit", "").trim());
                    String command = block.strip();
                    String expected = step.group(4);
                    String[] result = run(command, root);
                    if (Integer.parseInt(result[0]) != exit || !matches(expected, result[1])) {
                        mismatches.add("$ " + command + "\nexit " + result[0] + " (guide: " + exit + "), output:\n" + result[1]);
                    }
                }
                default -> throw new IllegalStateException(kind);
            }
        }
        assertEquals(List.of(), mismatches, "commands of docs/CURATION.md whose exit code or output differ from the guide");
        long shown = Pattern.compile("```sh\\n").matcher(guide).results().count();
        assertEquals(shown, commands, "every sh block of the guide is preceded by <!-- run: exit N -->");
        assertTrue(beforeChange.isEmpty(), () -> "changes never reverted: " + beforeChange.keySet());

        assertEquals("0", run("java -jar target/srkg.jar validate", root)[0], "the seeds end valid");
        assertEquals("0", run("java -jar target/srkg.jar coverage", root)[0], "coverage ends complete");
        DatasetGraph dump = RDFParser.source(root.resolve("target/dump/srkg.trig")).toDatasetGraph();
        Node article = Namespaces.articleGraph("005");
        assertTrue(dump.containsGraph(article) && dump.getGraph(article).size() > 20, "the new article's graph is built");
        assertTrue(Files.isRegularFile(root.resolve("target/dump/coverage/005.html")));
    }

    /** The command's exit code and output, without the log lines. */
    private static String[] run(String command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String shown = output.lines().filter(l -> !l.matches("(INFO|WARN|DEBUG) .*")).collect(Collectors.joining("\n"));
        return new String[] {Integer.toString(process.exitValue()), shown};
    }

    private static boolean matches(String expected, String actual) {
        List<String> want = expected.strip().lines().toList();
        List<String> got = actual.strip().lines().toList();
        if (want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            String regex = Stream.of(want.get(i).split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            if (!got.get(i).matches(regex)) {
                return false;
            }
        }
        return true;
    }

    /** The old and the new text of a diff block. */
    private static String[] diff(String block) {
        StringBuilder old = new StringBuilder();
        StringBuilder now = new StringBuilder();
        for (String line : block.lines().toList()) {
            char mark = line.isEmpty() ? ' ' : line.charAt(0);
            String text = line.isEmpty() ? "" : line.substring(1);
            if (mark != '+') {
                old.append(text).append('\n');
            }
            if (mark != '-') {
                now.append(text).append('\n');
            }
        }
        return new String[] {old.toString(), now.toString()};
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
