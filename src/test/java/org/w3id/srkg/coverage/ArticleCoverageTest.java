package org.w3id.srkg.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.w3id.srkg.text.TextAnchor;
import org.w3id.srkg.text.TextAnchor.Match;
import org.w3id.srkg.text.TextAnchor.Span;

/**
 * Statuses from anchored quotes. The build reads the anchors from the dataset, where the evidence stage put them;
 * here each quote is anchored the same way, with {@link TextAnchor}, so cases read as the quotes a curator writes.
 */
class ArticleCoverageTest {

    private static List<Status> statuses(ArticleCoverage coverage) {
        return coverage.sentences().stream().map(SentenceCoverage::status).toList();
    }

    private static ArticleCoverage measure(String text, List<Claim> claims, List<Declaration> declarations) {
        return ArticleCoverage.measure("000", "seeds/articles/000.txt", true, text, claims, declarations);
    }

    private static List<Span> anchored(String text, String... quotes) {
        TextAnchor anchor = new TextAnchor(text);
        return Stream.of(quotes)
                .map(quote -> anchor.find(quote).map(Match::span).orElseThrow(() -> new AssertionError(quote)))
                .toList();
    }

    @Test
    void aQuoteCitesOnlySentencesItSharesALetterOrDigitWith() {
        String text = "First one. (Second one.)";
        ArticleCoverage coverage = measure(text, List.of(new Claim("c:1", "first", anchored(text, "First one. ("))), List.of());
        assertEquals(List.of(Status.CITED, Status.UNCITED), statuses(coverage),
                "the bracket that spills into the second sentence does not cite it");

        coverage = measure(text, List.of(new Claim("c:2", "both", anchored(text, "one. (S"))), List.of());
        assertEquals(List.of(Status.CITED, Status.CITED), statuses(coverage));
    }

    @Test
    void aPassageCoversASentenceOnlyFromItsFirstToItsLastWord() {
        String text = "Comments are closed. Leave a reply.";
        assertEquals(List.of(Status.EXCLUDED, Status.UNCITED), statuses(measure(text, List.of(),
                List.of(new Declaration("d:1", Status.EXCLUDED, anchored(text, "Comments are closed"), "site")))));
        assertEquals(List.of(Status.UNCITED, Status.UNCITED), statuses(measure(text, List.of(),
                List.of(new Declaration("d:2", Status.EXCLUDED, anchored(text, "Comments are"), "site")))),
                "a passage that covers part of a sentence covers nothing");
    }

    @Test
    void citationWinsOverDeclarationAndExclusionOverNoClaim() {
        String text = "A heading\nBody text.";
        ArticleCoverage coverage = measure(text, List.of(new Claim("c:1", "body", anchored(text, "Body text."))), List.of(
                new Declaration("d:1", Status.DECLARED, anchored(text, "A heading\nBody text."), "says nothing"),
                new Declaration("d:2", Status.EXCLUDED, anchored(text, "A heading"), "site")));
        assertEquals(List.of(Status.EXCLUDED, Status.CITED), statuses(coverage));
        assertEquals(2, coverage.sentences().get(0).declaredBy().size(), "every declaration is still listed");
    }

    /**
     * Article 002 repeats its body. Quotes anchor in the first copy, so each fact is cited once, and the second
     * copy is "repeated", pointing at the sentence that carries the claims; an uncited original stays uncited.
     */
    @Test
    void aTextThatRepeatsItselfGivesEachFactOnce() throws IOException {
        String text = Files.readString(Path.of("seeds/articles/002.txt"), StandardCharsets.UTF_8);
        String sentence = "It crossed the $ 100 billion mark in 2018, up from $ 84 billion in 2017.";
        ArticleCoverage coverage = measure(text, List.of(new Claim("c:trade", "trade", anchored(text, sentence))), List.of());

        List<SentenceCoverage> copies = coverage.sentences().stream()
                .filter(s -> s.sentence().text().equals(sentence)).toList();
        assertEquals(2, copies.size());
        assertEquals(Status.CITED, copies.get(0).status());
        assertNull(copies.get(0).repeatOf());
        assertEquals(Status.REPEATED, copies.get(1).status());
        assertSame(copies.get(0), copies.get(1).repeatOf());

        int firstLineOfSecondCopy = coverage.sentences().stream()
                .filter(s -> s.sentence().text().startsWith("In 1969")).skip(1).findFirst().orElseThrow()
                .sentence().line();
        for (SentenceCoverage s : coverage.sentences()) {
            boolean inSecondCopy = s.sentence().line() >= firstLineOfSecondCopy;
            assertEquals(inSecondCopy, s.status() == Status.REPEATED, () -> "line " + s.sentence().line());
        }
        assertEquals(coverage.count(Status.REPEATED) + 1, coverage.count(Status.UNCITED) + coverage.count(Status.CITED),
                "the body once, plus the lead sentence that is not repeated");
    }
}
