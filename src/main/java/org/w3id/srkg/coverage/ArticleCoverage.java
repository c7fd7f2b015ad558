package org.w3id.srkg.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.w3id.srkg.text.Sentence;
import org.w3id.srkg.text.SentenceSegmenter;
import org.w3id.srkg.text.TextAnchor;
import org.w3id.srkg.text.TextAnchor.Span;

/**
 * How the claims and declared passages of one article cover its text, sentence by sentence.
 *
 * @param article  the three-digit article number
 * @param textFile the text's path from the seed root
 * @param curated  whether the article has a claims file; an article without one is listed but not judged
 */
public record ArticleCoverage(String article, String textFile, boolean curated, List<SentenceCoverage> sentences) {

    public ArticleCoverage {
        sentences = List.copyOf(sentences);
    }

    /**
     * Gives each sentence its {@link Status}, from where the quotes and passages were anchored in the text
     * (code points, as {@link org.w3id.srkg.text.TextAnchor} finds them). A claim cites a sentence when one of
     * its quotes and the sentence share at least one letter or digit, so a closing quotation mark or full stop
     * spilling over a boundary cites nothing. A declaration covers a sentence when one of its passages contains
     * the sentence from first to last letter or digit.
     */
    public static ArticleCoverage measure(String article, String textFile, boolean curated, String text,
                                          List<Claim> claims, List<Declaration> declarations) {
        int[] codePoints = text.codePoints().toArray();
        List<Claim> claimsByIri = sortedByIri(claims, Claim::iri);
        List<Declaration> declarationsByIri = sortedByIri(declarations, Declaration::iri);
        List<SentenceCoverage> result = new ArrayList<>();
        Map<String, SentenceCoverage> firstOccurrence = new HashMap<>();
        for (Sentence sentence : SentenceSegmenter.split(text)) {
            List<Claim> citedBy = claimsByIri.stream()
                    .filter(c -> c.evidence().stream().anyMatch(quote -> quote.intersection(sentence.span())
                            .filter(shared -> hasWord(codePoints, shared)).isPresent()))
                    .distinct().toList();
            Span words = words(sentence);
            List<Declaration> declaredBy = declarationsByIri.stream()
                    .filter(d -> d.passages().stream().anyMatch(passage -> passage.contains(words)))
                    .distinct().toList();
            SentenceCoverage original = firstOccurrence.get(TextAnchor.fold(sentence.text()));

            Status status;
            if (!citedBy.isEmpty()) {
                status = Status.CITED;
            } else if (declaredBy.stream().anyMatch(d -> d.kind() == Status.EXCLUDED)) {
                status = Status.EXCLUDED;
            } else if (!declaredBy.isEmpty()) {
                status = Status.DECLARED;
            } else if (original != null) {
                status = Status.REPEATED;
            } else {
                status = Status.UNCITED;
            }
            SentenceCoverage covered = new SentenceCoverage(sentence, status, citedBy, declaredBy, original);
            result.add(covered);
            firstOccurrence.putIfAbsent(TextAnchor.fold(sentence.text()), covered);
        }
        return new ArticleCoverage(article, textFile, curated, result);
    }

    public long count(Status status) {
        return sentences.stream().filter(s -> s.status() == status).count();
    }

    /** The sentences nobody has looked at: uncited sentences of a curated article. */
    public List<SentenceCoverage> uncited() {
        return curated ? sentences.stream().filter(s -> s.status() == Status.UNCITED).toList() : List.of();
    }

    private static <T> List<T> sortedByIri(List<T> items, Function<T, String> iri) {
        return items.stream().sorted(Comparator.comparing(iri)).toList();
    }

    private static boolean hasWord(int[] codePoints, Span span) {
        return IntStream.range(span.start(), span.end()).map(i -> codePoints[i]).anyMatch(Character::isLetterOrDigit);
    }

    /** The sentence from its first to its last letter or digit (a sentence always has one). */
    private static Span words(Sentence sentence) {
        int[] codePoints = sentence.text().codePoints().toArray();
        int first = 0;
        while (!Character.isLetterOrDigit(codePoints[first])) {
            first++;
        }
        int last = codePoints.length - 1;
        while (!Character.isLetterOrDigit(codePoints[last])) {
            last--;
        }
        int start = sentence.span().start();
        return new Span(start + first, start + last + 1);
    }
}
