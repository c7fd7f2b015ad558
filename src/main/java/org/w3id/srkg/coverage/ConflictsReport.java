package org.w3id.srkg.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The disagreements between articles, beside the coverage report: every {@code srkg:disagreesWith} a curator
 * asserted (not the inverse the build infers), each with both claims, their quotes and their articles, as
 * {@code coverage/conflicts.md} and {@code conflicts.html}. Sorted by claim IRI, so it diffs cleanly between builds.
 */
public final class ConflictsReport {

    private static final String QUERY = """
            PREFIX srkg: <https://w3id.org/srkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?c1 ?g1 ?label1 ?quote1 ?c2 ?g2 ?label2 ?quote2 ?note WHERE {
              GRAPH ?g1 { ?c1 srkg:disagreesWith ?c2 ; rdfs:label ?label1 ; srkg:evidence ?quote1 .
                          OPTIONAL { ?c1 skos:editorialNote ?note } }
              GRAPH ?g2 { ?c2 rdfs:label ?label2 ; srkg:evidence ?quote2 . }
              FILTER(STRSTARTS(STR(?g1), "https://w3id.org/srkg/graph/article/")
                     && STRSTARTS(STR(?g2), "https://w3id.org/srkg/graph/article/"))
            }""";

    private ConflictsReport() {
    }

    /** Every asserted disagreement of the dataset, ordered by the first claim and then the second. */
    public static List<Conflict> find(DatasetGraph dataset) {
        Map<String, Builder> pairs = new TreeMap<>();
        Dataset wrapped = DatasetFactory.wrap(dataset);
        try (QueryExecution execution = QueryExecution.dataset(wrapped).query(QUERY).build()) {
            execution.execSelect().forEachRemaining(row -> pairs
                    .computeIfAbsent(iri(row, "c1") + " " + iri(row, "c2"), k -> new Builder(row))
                    .add(row));
        }
        return pairs.values().stream().map(Builder::build).toList();
    }

    /** The report files, by their path inside the dump folder. */
    static SortedMap<String, String> files(List<Conflict> conflicts) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put(CoverageReport.FOLDER + "/conflicts.md", markdown(conflicts));
        files.put(CoverageReport.FOLDER + "/conflicts.html", html(conflicts));
        return files;
    }

    static String markdown(List<Conflict> conflicts) {
        StringBuilder md = new StringBuilder("# Disagreements between articles\n\n")
                .append(conflicts.size()).append(" pairs of claims that cannot both be right as worded; both are kept,"
                        + " each in its own article graph ([all articles](index.md)).\n");
        for (Conflict c : conflicts) {
            md.append("\n## ").append(CoverageReport.escapeMarkdown(c.first().label())).append(" / ")
                    .append(CoverageReport.escapeMarkdown(c.second().label())).append("\n\n");
            if (!c.note().isEmpty()) {
                md.append(CoverageReport.escapeMarkdown(c.note())).append("\n\n");
            }
            for (Conflict.Side side : List.of(c.first(), c.second())) {
                md.append("- article [").append(side.article()).append("](").append(side.article()).append(".md), [")
                        .append(CoverageReport.escapeMarkdown(side.claim())).append("](<").append(side.claim())
                        .append(">): ").append(CoverageReport.escapeMarkdown(side.label())).append('\n');
                side.quotes().forEach(q -> md.append("  - “").append(CoverageReport.escapeMarkdown(q)).append("”\n"));
            }
        }
        return md.toString();
    }

    static String html(List<Conflict> conflicts) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Disagreements between articles</title>\n</head>\n<body>\n<h1>Disagreements between articles</h1>\n"
                + "<p><a href=\"index.html\">All articles</a></p>\n<p>").append(conflicts.size())
                .append(" pairs of claims that cannot both be right as worded; both are kept, each in its own article"
                        + " graph.</p>\n");
        for (Conflict c : conflicts) {
            html.append("<h2>").append(CoverageReport.escapeHtml(c.first().label())).append(" / ")
                    .append(CoverageReport.escapeHtml(c.second().label())).append("</h2>\n");
            if (!c.note().isEmpty()) {
                html.append("<p>").append(CoverageReport.escapeHtml(c.note())).append("</p>\n");
            }
            html.append("<ul>\n");
            for (Conflict.Side side : List.of(c.first(), c.second())) {
                html.append("<li>article <a href=\"").append(side.article()).append(".html\">").append(side.article())
                        .append("</a>, <a href=\"").append(CoverageReport.escapeHtml(side.claim())).append("\">")
                        .append(CoverageReport.escapeHtml(side.claim())).append("</a>: ")
                        .append(CoverageReport.escapeHtml(side.label())).append("<ul>\n");
                side.quotes().forEach(q -> html.append("<li><q>").append(CoverageReport.escapeHtml(q)).append("</q></li>\n"));
                html.append("</ul></li>\n");
            }
            html.append("</ul>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String iri(QuerySolution row, String variable) {
        return row.getResource(variable).getURI();
    }

    /** Gathers the rows of one pair: one row per combination of the two claims' quotes and notes. */
    private static final class Builder {
        private final Map<String, String> fixed = new LinkedHashMap<>();
        private final TreeSet<String> quotes1 = new TreeSet<>();
        private final TreeSet<String> quotes2 = new TreeSet<>();
        private final TreeSet<String> notes = new TreeSet<>();

        Builder(QuerySolution row) {
            for (String v : List.of("c1", "g1", "label1", "c2", "g2", "label2")) {
                fixed.put(v, row.get(v).isLiteral() ? row.getLiteral(v).getLexicalForm() : iri(row, v));
            }
        }

        Builder add(QuerySolution row) {
            quotes1.add(row.getLiteral("quote1").getLexicalForm());
            quotes2.add(row.getLiteral("quote2").getLexicalForm());
            if (row.contains("note")) {
                notes.add(row.getLiteral("note").getLexicalForm());
            }
            return this;
        }

        Conflict build() {
            return new Conflict(side("c1", "label1", "g1", quotes1), side("c2", "label2", "g2", quotes2),
                    String.join(" ", notes));
        }

        private Conflict.Side side(String claim, String label, String graph, TreeSet<String> quotes) {
            String g = fixed.get(graph);
            return new Conflict.Side(fixed.get(claim), fixed.get(label), g.substring(g.lastIndexOf('/') + 1),
                    new ArrayList<>(quotes));
        }
    }
}
