package org.w3id.srkg.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.w3id.srkg.pipeline.Problem;

/**
 * What a curator should do about each kind of problem the stages report, printed under the problem by
 * {@code srkg validate} (and every command that builds). The kinds are told apart by the wording of the stages'
 * messages; {@code CuratorHintsTest} runs a fixture of each kind, so a changed message cannot silently lose its hint.
 */
final class CuratorHints {

    private record Hint(Predicate<Problem> applies, String text) {
    }

    private static final List<Hint> HINTS = List.of(
            new Hint(p -> p.message().startsWith("SHACL "),
                    "the data breaks a rule of ontology/shapes.ttl: at this line starts the description of the focus"
                            + " node; 'path' is the property at fault and the text after the last colon says what the"
                            + " shape expects (see ontology/README.md for the model)"),
            new Hint(p -> p.message().contains(" is not in seeds/articles/"),
                    "copy the quote again from the article text, verbatim: quotation marks, apostrophes and dashes"
                            + " are as typed in the text, only runs of white space may differ; the closest passage"
                            + " shows what the text says"),
            new Hint(p -> p.message().contains("the text of its article"),
                    "put the article's text in seeds/articles/NNN.txt, NNN being the number of the claims file"),
            new Hint(p -> p.message().startsWith("unknown seed file"),
                    "claims go in seeds/claims/NNN.ttl (NNN: the article's number), shared entities in"
                            + " seeds/entities.ttl, article descriptions in seeds/articles.ttl"),
            new Hint(p -> p.message().contains("is not about an article"),
                    "seeds/articles.ttl describes articles only: every subject is <https://w3id.org/srkg/id/article/NNN>"
                            + " (or a blank node inside its description)"),
            new Hint(p -> p.message().startsWith("Undefined prefix"),
                    "declare the prefix at the top of the file (@prefix ex: <…> .), as the other seed files do"),
            new Hint(p -> p.message().startsWith("warning: "),
                    "the Turtle parses but a term is suspect (an IRI with spaces or a bad character, a literal that"
                            + " does not fit its datatype): warnings fail the build too"),
            new Hint(p -> p.line() >= 0 && p.file().endsWith(".ttl"),
                    "Turtle syntax: the parser stopped here, so the mistake is here or just before it (a missing"
                            + " '.', ';' or ',', an unclosed quote or bracket)"));

    private CuratorHints() {
    }

    static Optional<String> hint(Problem problem) {
        return HINTS.stream().filter(h -> h.applies().test(problem)).map(Hint::text).findFirst();
    }
}
