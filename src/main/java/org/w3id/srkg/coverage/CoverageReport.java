package org.w3id.srkg.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.w3id.srkg.text.TextAnchor;

/**
 * Renders a {@link Coverage} as Markdown and HTML: {@code coverage/index.md} and {@code index.html} with the
 * summary, {@code coverage/NNN.md} and {@code NNN.html} with every sentence of article NNN, and beside them the
 * disagreements between articles ({@link ConflictsReport}), linked from the index. The output is a
 * function of the coverage alone (no dates, no platform line separators), so it diffs cleanly between builds.
 * The HTML pages are self-contained: styles inline, no scripts, every piece of seed text escaped.
 */
public final class CoverageReport {

    public static final String FOLDER = "coverage";

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 90em; padding: 0 1em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: .3em .6em; vertical-align: top; text-align: left; }
            td.n, th.n { text-align: right; }
            .cited { background: #e3f4e6; }
            .excluded { background: #ececec; color: #555; }
            .declared { background: #e6eefc; }
            .repeated { background: #fdf5dc; }
            .uncited { background: #fbe1de; }
            .label { color: #555; }
            """;

    private CoverageReport() {
    }

    /** Every report file, by its path inside the dump folder. */
    public static SortedMap<String, String> files(Coverage coverage, List<Conflict> conflicts) {
        SortedMap<String, String> files = new TreeMap<>(ConflictsReport.files(conflicts));
        files.put(FOLDER + "/index.md", indexMarkdown(coverage));
        files.put(FOLDER + "/index.html", indexHtml(coverage));
        for (ArticleCoverage article : coverage.articles()) {
            files.put(FOLDER + "/" + article.article() + ".md", markdown(article));
            files.put(FOLDER + "/" + article.article() + ".html", html(article));
        }
        return files;
    }

    // ---- Markdown -------------------------------------------------------------------------------------------

    static String indexMarkdown(Coverage coverage) {
        StringBuilder md = new StringBuilder();
        md.append("# Coverage of the article texts\n\n")
                .append(escapeMarkdown(coverage.summary())).append(".\n\n")
                .append("| article | curated | sentences | cited | excluded | declared | repeated | uncited |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (ArticleCoverage article : coverage.articles()) {
            md.append("| [").append(article.article()).append("](").append(article.article()).append(".md) | ")
                    .append(article.curated() ? "yes" : "no").append(" | ").append(article.sentences().size());
            for (Status status : Status.values()) {
                md.append(" | ").append(article.count(status));
            }
            md.append(" |\n");
        }
        md.append("| curated total | | ").append(coverage.sentences());
        for (Status status : Status.values()) {
            md.append(" | ").append(coverage.count(status));
        }
        md.append(" |\n\n")
                .append("Statuses:\n\n");
        for (Status status : Status.values()) {
            md.append("- **").append(status.label()).append("**: ").append(escapeMarkdown(status.meaning())).append('\n');
        }
        md.append("\nAn article without a `seeds/claims/NNN.ttl` file is not curated yet: its sentences are listed"
                + " for reference and left out of the curated total.\n\n")
                .append("Where two articles disagree, both claims are kept: see [the disagreements](conflicts.md).\n");
        return md.toString();
    }

    static String markdown(ArticleCoverage article) {
        StringBuilder md = new StringBuilder();
        md.append("# Coverage of article ").append(article.article()).append("\n\n")
                .append(intro(article, "`")).append("\n\n")
                .append("| sentences | cited | excluded | declared | repeated | uncited |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: |\n")
                .append("| ").append(article.sentences().size());
        for (Status status : Status.values()) {
            md.append(" | ").append(article.count(status));
        }
        md.append(" |\n\n| line | status | sentence | covered by |\n| ---: | --- | --- | --- |\n");
        for (SentenceCoverage s : article.sentences()) {
            md.append("| ").append(s.sentence().line()).append(" | ").append(s.status().label()).append(" | ")
                    .append(escapeMarkdown(s.sentence().text())).append(" | ").append(coveredByMarkdown(s)).append(" |\n");
        }
        return md.toString();
    }

    private static String coveredByMarkdown(SentenceCoverage s) {
        List<String> parts = new ArrayList<>();
        s.citedBy().forEach(c -> parts.add(linkMarkdown(c.iri()) + " " + escapeMarkdown(c.label())));
        s.declaredBy().forEach(d -> parts.add(d.kind().label() + " by " + linkMarkdown(d.iri()) + ": "
                + escapeMarkdown(d.reason())));
        if (s.repeatOf() != null) {
            parts.add("repeats line " + s.repeatOf().sentence().line() + " (" + s.repeatOf().status().label() + ")");
        }
        return String.join("; ", parts);
    }

    private static String linkMarkdown(String iri) {
        return "[" + escapeMarkdown(localName(iri)) + "](<" + iri + ">)";
    }

    /**
     * Backslash-escapes the characters that Markdown (CommonMark and GitHub tables) would read as markup or as
     * raw HTML, and folds line breaks, which would end a table row.
     */
    static String escapeMarkdown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        TextAnchor.fold(text).codePoints().forEach(cp -> {
            if ("\\`*_[]<>|&~#!".indexOf(cp) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(cp);
        });
        return out.toString();
    }

    // ---- HTML -----------------------------------------------------------------------------------------------

    static String indexHtml(Coverage coverage) {
        StringBuilder html = new StringBuilder();
        head(html, "Coverage of the article texts");
        html.append("<p>").append(escapeHtml(coverage.summary())).append(".</p>\n<table>\n<thead><tr><th>article</th>"
                + "<th>curated</th><th class=\"n\">sentences</th>");
        for (Status status : Status.values()) {
            html.append("<th class=\"n ").append(status.label()).append("\">").append(status.label()).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (ArticleCoverage article : coverage.articles()) {
            html.append("<tr><td><a href=\"").append(article.article()).append(".html\">").append(article.article())
                    .append("</a></td><td>").append(article.curated() ? "yes" : "no").append("</td>");
            cell(html, article.sentences().size());
            for (Status status : Status.values()) {
                cell(html, article.count(status));
            }
            html.append("</tr>\n");
        }
        html.append("<tr><th>curated total</th><td></td>");
        cell(html, coverage.sentences());
        for (Status status : Status.values()) {
            cell(html, coverage.count(status));
        }
        html.append("</tr>\n</tbody>\n</table>\n<dl>\n");
        for (Status status : Status.values()) {
            html.append("<dt class=\"").append(status.label()).append("\">").append(status.label()).append("</dt><dd>")
                    .append(escapeHtml(status.meaning())).append("</dd>\n");
        }
        html.append("</dl>\n<p>An article without a <code>seeds/claims/NNN.ttl</code> file is not curated yet: its"
                + " sentences are listed for reference and left out of the curated total.</p>\n"
                + "<p>Where two articles disagree, both claims are kept: see <a href=\"conflicts.html\">the"
                + " disagreements</a>.</p>\n");
        return foot(html);
    }

    static String html(ArticleCoverage article) {
        StringBuilder html = new StringBuilder();
        head(html, "Coverage of article " + article.article());
        html.append("<p><a href=\"index.html\">All articles</a></p>\n<p>")
                .append(escapeHtml(intro(article, "")))
                .append("</p>\n<table>\n<thead><tr><th class=\"n\">sentences</th>");
        for (Status status : Status.values()) {
            html.append("<th class=\"n ").append(status.label()).append("\">").append(status.label()).append("</th>");
        }
        html.append("</tr></thead>\n<tbody><tr>");
        cell(html, article.sentences().size());
        for (Status status : Status.values()) {
            cell(html, article.count(status));
        }
        html.append("</tr></tbody>\n</table>\n<table>\n<thead><tr><th class=\"n\">line</th><th>status</th>"
                + "<th>sentence</th><th>covered by</th></tr></thead>\n<tbody>\n");
        List<SentenceCoverage> sentences = article.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            SentenceCoverage s = sentences.get(i);
            html.append("<tr id=\"s").append(i + 1).append("\" class=\"").append(s.status().label()).append("\">");
            cell(html, s.sentence().line());
            html.append("<td>").append(s.status().label()).append("</td><td>").append(escapeHtml(s.sentence().text()))
                    .append("</td><td>").append(coveredByHtml(s, sentences)).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return foot(html);
    }

    private static String coveredByHtml(SentenceCoverage s, List<SentenceCoverage> sentences) {
        List<String> parts = new ArrayList<>();
        s.citedBy().forEach(c -> parts.add(linkHtml(c.iri()) + " <span class=\"label\">" + escapeHtml(c.label())
                + "</span>"));
        s.declaredBy().forEach(d -> parts.add(d.kind().label() + " by " + linkHtml(d.iri()) + ": "
                + escapeHtml(d.reason())));
        if (s.repeatOf() != null) {
            parts.add("repeats <a href=\"#s" + (sentences.indexOf(s.repeatOf()) + 1) + "\">line "
                    + s.repeatOf().sentence().line() + "</a> (" + s.repeatOf().status().label() + ")");
        }
        return String.join("<br>", parts);
    }

    private static String linkHtml(String iri) {
        return "<a href=\"" + escapeHtml(iri) + "\">" + escapeHtml(localName(iri)) + "</a>";
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escapeHtml(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<h1>").append(escapeHtml(title)).append("</h1>\n");
    }

    private static String foot(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString();
    }

    private static void cell(StringBuilder html, long number) {
        html.append("<td class=\"n\">").append(number).append("</td>");
    }

    /** Escapes text for element content and double- or single-quoted attribute values. */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private static String intro(ArticleCoverage article, String code) {
        String claims = "seeds/claims/" + article.article() + ".ttl";
        return article.curated()
                ? "Text " + code + article.textFile() + code + ", claims and declarations " + code + claims + code + "."
                : "Not curated: there is no " + code + claims + code + " yet, so the sentences of " + code
                        + article.textFile() + code + " are listed for reference only.";
    }

    /** The last segment of an IRI: short in a table, and the link keeps the whole IRI. */
    private static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

}
