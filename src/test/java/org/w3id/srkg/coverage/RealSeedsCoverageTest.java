package org.w3id.srkg.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.pipeline.PipelineException;

/**
 * So a missed fact cannot hide: every sentence of every curated article of the repository (one with a
 * seeds/claims/NNN.ttl) is cited, excluded, declared or repeated. (Every quote being in its text is the build's
 * own check, EvidenceVerifier.) Which articles are checked follows from the files present, so articles merged
 * later are checked too.
 */
class RealSeedsCoverageTest {

    private static final Path ROOT = Path.of("");

    @Test
    void everySentenceOfEveryCuratedArticleIsCovered() throws PipelineException, IOException {
        Set<String> texts = numbers(ROOT.resolve("seeds/articles"), "txt");
        Set<String> claimFiles = numbers(ROOT.resolve("seeds/claims"), "ttl");
        assertFalse(claimFiles.isEmpty(), "the repository has curated articles");
        assertTrue(texts.containsAll(claimFiles), () -> "every claims file has its text: " + claimFiles + " " + texts);

        Coverage coverage = Pipeline.coverage(ROOT, Pipeline.build(ROOT));
        List<String> checked = coverage.curated().stream().map(ArticleCoverage::article).toList();
        List<String> notChecked = coverage.notCurated().stream().map(ArticleCoverage::article).toList();
        System.out.println("coverage of the real seeds: checked " + checked + ", not curated yet " + notChecked);
        assertEquals(List.copyOf(claimFiles), checked, "every article with a claims file is checked");
        assertEquals(texts.size(), checked.size() + notChecked.size());

        List<String> problems = new ArrayList<>();
        for (ArticleCoverage article : coverage.curated()) {
            article.uncited().forEach(s -> problems.add(article.textFile() + ":" + s.sentence().line() + ": uncited: "
                    + s.sentence().text()));
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s); cite each sentence with a claim in"
                + " seeds/claims/NNN.ttl or declare it (srkg:ExcludedPassage, srkg:NoClaimPassage):\n"
                + String.join("\n", problems));
    }

    private static Set<String> numbers(Path dir, String extension) throws IOException {
        Pattern name = Pattern.compile("(\\d{3})\\." + extension);
        Set<String> numbers = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> name.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .forEach(m -> numbers.add(m.group(1)));
        }
        return numbers;
    }
}
