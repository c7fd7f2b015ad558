package org.w3id.srkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.srkg.support.Fixtures;

/** Each kind of problem a curator meets, from a fixture that has it, gets its own "what to do" under it. */
class CuratorHintsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            broken-turtle          | seeds/entities.ttl:6:1: Triples not terminated by DOT  | Turtle syntax: the parser stopped here
            broken-turtle          | seeds/claims/001.ttl:4:16: Undefined prefix: ex        | declare the prefix at the top of the file
            broken-turtle          | seeds/articles.ttl:12:71: warning:                     | the Turtle parses but a term is suspect
            shacl-violation        | seeds/entities.ttl:5:41: SHACL sh:Violation: focus     | the data breaks a rule of ontology/shapes.ttl
            evidence-fails-typo    | seeds/claims/000.ttl:6:19: srkg:evidence of            | copy the quote again from the article text
            evidence-fails-many    | seeds/claims/002.ttl: the text of its article          | put the article's text in seeds/articles/NNN.txt
            unknown-file           | seeds/extra.ttl: unknown seed file                     | claims go in seeds/claims/NNN.ttl
            """)
    void validatePrintsWhatToDoUnderTheProblem(String fixture, String problem, String hint) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Srkg.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "validate", "--root", Fixtures.root(fixture).toString());
        assertEquals(1, code);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        int at = indexOf(lines, "  " + problem);
        assertTrue(at >= 0, () -> "no line starting '  " + problem + "' in\n" + String.join("\n", lines));
        assertTrue(lines.get(at + 1).startsWith("    what to do: " + hint), () -> String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 1).endsWith(", nothing built"), lines::toString);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
