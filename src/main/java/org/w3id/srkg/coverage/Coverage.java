package org.w3id.srkg.coverage;

import java.util.List;
import java.util.stream.Collectors;

/** The coverage of every article text, in article order. */
public record Coverage(List<ArticleCoverage> articles) {

    public Coverage {
        articles = List.copyOf(articles);
    }

    public List<ArticleCoverage> curated() {
        return articles.stream().filter(ArticleCoverage::curated).toList();
    }

    public List<ArticleCoverage> notCurated() {
        return articles.stream().filter(a -> !a.curated()).toList();
    }

    /** Sentences with the status, over the curated articles only: the others have not been judged yet. */
    public long count(Status status) {
        return curated().stream().mapToLong(a -> a.count(status)).sum();
    }

    public long sentences() {
        return curated().stream().mapToLong(a -> a.sentences().size()).sum();
    }

    /** One line for the build log, e.g. "5 articles, 1 curated (003), 15 sentences, 10 cited, …, 0 uncited". */
    public String summary() {
        StringBuilder line = new StringBuilder();
        line.append(articles.size()).append(articles.size() == 1 ? " article, " : " articles, ")
                .append(curated().size()).append(" curated");
        if (!curated().isEmpty()) {
            line.append(" (").append(numbers(curated())).append(')');
        }
        line.append(", ").append(sentences()).append(" sentences");
        for (Status status : Status.values()) {
            line.append(", ").append(count(status)).append(' ').append(status.label());
        }
        if (!notCurated().isEmpty()) {
            line.append("; not curated: ").append(numbers(notCurated()));
        }
        return line.toString();
    }

    private static String numbers(List<ArticleCoverage> articles) {
        return articles.stream().map(ArticleCoverage::article).collect(Collectors.joining(", "));
    }
}
