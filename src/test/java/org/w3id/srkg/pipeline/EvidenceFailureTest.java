package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.support.Fixtures;

/**
 * Seed roots whose evidence does not match their article texts, each with the report it must give beside it
 * ({@code expected-problems.txt}, one problem a line, in order). Adding a case needs no Java.
 */
class EvidenceFailureTest {

    private static final String EXPECTED = "expected-problems.txt";

    static Stream<String> cases() throws IOException {
        try (Stream<Path> roots = Files.list(Fixtures.root(""))) {
            return roots.filter(root -> Files.isRegularFile(root.resolve(EXPECTED)))
                    .map(root -> root.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void buildFailsListingEveryQuoteNotFoundInItsArticle(String fixture) throws IOException {
        Path root = Fixtures.root(fixture);
        List<String> expected = Files.readAllLines(root.resolve(EXPECTED), StandardCharsets.UTF_8);
        assertFalse(expected.isEmpty(), EXPECTED + " lists the problems the build must report");

        PipelineException failure = assertThrows(PipelineException.class, () -> Pipeline.build(root));

        assertEquals(expected, failure.problems().stream().map(Problem::toString).toList());
    }
}
