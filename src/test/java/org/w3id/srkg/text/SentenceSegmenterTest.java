package org.w3id.srkg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SentenceSegmenterTest {

    private static final Path CASES = Path.of("src/test/resources/segmenter");
    private static final Path ARTICLES = Path.of("seeds/articles");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(p -> p.toString().endsWith(".case")).sorted().toList().stream();
        }
    }

    static Stream<Path> articleTexts() throws IOException {
        try (Stream<Path> files = Files.list(ARTICLES)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    /**
     * A case file: "# " comment lines, the input text, a line "---", then the expected sentences as
     * "LINE: sentence", one a line.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsAsTheCaseSays(Path file) throws IOException {
        List<String> lines = Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
        int first = 0;
        while (lines.get(first).startsWith("# ")) {
            first++;
        }
        int separator = lines.indexOf("---");
        assertTrue(separator > first, "a case has input, then ---, then the expected sentences");
        String input = String.join("\n", lines.subList(first, separator));
        List<String> expected = lines.subList(separator + 1, lines.size()).stream().filter(l -> !l.isEmpty()).toList();

        List<String> actual = SentenceSegmenter.split(input).stream().map(s -> s.line() + ": " + s.text()).toList();

        assertEquals(expected, actual);
    }

    /** Checked on every real text: no text is lost or reordered, and no sentence is cut after an abbreviation. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("articleTexts")
    void sentencesOfARealTextAreItsLinesCutAtSentenceEnds(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Sentence> sentences = SentenceSegmenter.split(text);
        TextAnchor anchor = new TextAnchor(text);
        String[] lines = text.split("\n", -1);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            List<Sentence> onLine = sentences.stream().filter(s -> s.line() == line).toList();
            boolean hasWords = lines[i].codePoints().anyMatch(Character::isLetterOrDigit);
            String joined = onLine.stream().map(Sentence::text).reduce((a, b) -> a + " " + b).orElse("");
            if (!TextAnchor.fold(joined).equals(hasWords ? TextAnchor.fold(lines[i]) : "")) {
                problems.add(line + ": sentences do not add up to the line");
            }
        }
        for (Sentence s : sentences) {
            assertEquals(s.text(), anchor.slice(s.span()), "the span holds the sentence");
            if (Character.isLowerCase(s.text().codePointAt(0))) {
                problems.add(s.line() + ": starts in lower case, probably cut after an abbreviation: " + s.text());
            }
        }
        assertFalse(sentences.isEmpty(), file::toString);
        assertTrue(problems.isEmpty(), () -> file + "\n" + String.join("\n", problems));
    }
}
