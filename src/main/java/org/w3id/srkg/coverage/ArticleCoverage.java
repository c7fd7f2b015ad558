package org.w3id.srkg.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
public record ArticleCoverage(String article, String textFile, boolean curated, List<SentenceCoverage> sentences,
                              List<NotFound> notFound) {

    public ArticleCoverage {
        sentences = List.copyOf(sentences);
        notFound = List.copyOf(notFound);
    }

    /**
     * Anchors every quote at its first occurrence in the text (see {@link TextAnchor}) and gives each sentence
     * its {@link Status}. A claim cites a sentence when its quote and the sentence share at least one letter or
     * digit, so a closing quotation mark or full stop spilling over a boundary cites nothing. A declaration
     * covers a sentence when its passage contains the sentence from first to last letter or digit.
     */
    public static ArticleCoverage measure(String article, String textFile, boolean curated, String text,
                                          List<Claim> claims, List<Declaration> declarations) {
        TextAnchor anchor = new TextAnchor(text);
        List<NotFound> notFound = new ArrayList<>();
        List<Anchored<Claim>> quotes = new ArrayList<>();
        for (Claim claim : sortedByIri(claims, Claim::iri)) {
            for (String quote : claim.evidence().stream().sorted().toList()) {
                anchor.find(quote).map(TextAnchor.Match::span).ifPresentOrElse(span -> quotes.add(new Anchored<>(span, claim)),
                        () -> notFound.add(new NotFound(claim.iri(), "srkg:evidence", quote)));
            }
        }
        List<Anchored<Declaration>> passages = new ArrayList<>();
        for (Declaration declaration : sortedByIri(declarations, Declaration::iri)) {
            for (String passage : declaration.passages().stream().sorted().toList()) {
                anchor.find(passage).map(TextAnchor.Match::span).ifPresentOrElse(span -> passages.add(new Anchored<>(span, declaration)),
                        () -> notFound.add(new NotFound(declaration.iri(), "srkg:passage", passage)));
            }
        }

        List<SentenceCoverage> result = new ArrayList<>();
        Map<String, SentenceCoverage> firstOccurrence = new HashMap<>();
        for (Sentence sentence : SentenceSegmenter.split(text)) {
            Set<Claim> citedBy = new LinkedHashSet<>();
            quotes.stream()
                    .filter(q -> q.span().intersection(sentence.span())
                            .filter(shared -> hasWord(anchor.slice(shared))).isPresent())
                    .forEach(q -> citedBy.add(q.item()));
            Span words = words(sentence);
            Set<Declaration> declaredBy = new LinkedHashSet<>();
            passages.stream().filter(p -> p.span().contains(words)).forEach(p -> declaredBy.add(p.item()));
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
            SentenceCoverage covered = new SentenceCoverage(sentence, status, List.copyOf(citedBy),
                    List.copyOf(declaredBy), original);
            result.add(covered);
            firstOccurrence.putIfAbsent(TextAnchor.fold(sentence.text()), covered);
        }
        return new ArticleCoverage(article, textFile, curated, result, notFound);
    }

    public long count(Status status) {
        return sentences.stream().filter(s -> s.status() == status).count();
    }

    /** The sentences nobody has looked at: uncited sentences of a curated article. */
    public List<SentenceCoverage> uncited() {
        return curated ? sentences.stream().filter(s -> s.status() == Status.UNCITED).toList() : List.of();
    }

    private record Anchored<T>(Span span, T item) {
    }

    private static <T> List<T> sortedByIri(List<T> items, Function<T, String> iri) {
        return items.stream().sorted(Comparator.comparing(iri)).toList();
    }

    private static boolean hasWord(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
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
