package org.w3id.srkg.coverage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.pipeline.PipelineException;
import org.w3id.srkg.support.Fixtures;

/** The report of the "coverage" fixture: one sentence of each status and an uncurated article. */
class CoverageReportTest {

    private static final Path ROOT = Fixtures.root("coverage");

    private static Coverage coverage() throws PipelineException {
        return Pipeline.coverage(ROOT, Pipeline.build(ROOT));
    }

    @Test
    void markdownListsEverySentenceWithItsStatus() throws PipelineException {
        List<String> lines = CoverageReport.markdown(coverage().articles().get(0)).lines().toList();
        String claim = "(<https://w3id.org/srkg/id/claim/000/";
        assertEquals(List.of(
                "| line | status | sentence | covered by |",
                "| ---: | --- | --- | --- |",
                "| 1 | declared | A Test Title | declared by [title]" + claim + "title>): Title. |",
                "| 3 | cited | Russia and China signed a pact in Moscow. | [pact]" + claim
                        + "pact>) Russia and China signed a pact |",
                "| 3 | cited | Mr. Xi praised the “\\<script\\>alert(1)\\</script\\>” deal. | [praise]" + claim
                        + "praise>) Xi praised the \\<b\\>deal\\</b\\> |",
                "| 4 | cited | Trade grew by 20.8 percent to $ 108 billion. | [trade]" + claim
                        + "trade>) Trade grew by 20.8 percent |",
                "| 4 | uncited | Nobody cited this \\| sentence. |  |",
                "| 6 | excluded | Subscribe to our newsletter. | excluded by [newsletter]" + claim
                        + "newsletter>): Site boilerplate. |",
                "| 6 | excluded | Share this page. | excluded by [newsletter]" + claim + "newsletter>): Site boilerplate. |",
                "| 8 | repeated | Russia and China signed a pact in Moscow. | repeats line 3 (cited) |"),
                lines.subList(lines.indexOf("| line | status | sentence | covered by |"), lines.size()));
        assertTrue(lines.contains("| 8 | 3 | 2 | 1 | 1 | 1 |"), "counts: sentences, cited, excluded, declared,"
                + " repeated, uncited: " + lines);
    }

    @Test
    void summaryCountsTheCuratedArticlesAndNamesTheOthers() throws PipelineException {
        Coverage coverage = coverage();
        assertEquals("2 articles, 1 curated (000), 8 sentences, 3 cited, 2 excluded, 1 declared, 1 repeated,"
                + " 1 uncited; not curated: 001", coverage.summary());
        List<String> index = CoverageReport.indexMarkdown(coverage).lines().toList();
        assertTrue(index.contains("| [000](000.md) | yes | 8 | 3 | 2 | 1 | 1 | 1 |"), index::toString);
        assertTrue(index.contains("| [001](001.md) | no | 2 | 0 | 0 | 0 | 0 | 2 |"), index::toString);
        assertTrue(index.contains("| curated total | | 8 | 3 | 2 | 1 | 1 | 1 |"), index::toString);
    }

    @Test
    void htmlEscapesSeedTextAndMarksRowsByStatus() throws PipelineException {
        String html = CoverageReport.html(coverage().articles().get(0));
        assertFalse(html.contains("<script>"), "seed text never becomes markup");
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("<td>Mr. Xi praised the “&lt;script&gt;alert(1)&lt;/script&gt;” deal.</td>"), html);
        assertTrue(html.contains("<span class=\"label\">Xi praised the &lt;b&gt;deal&lt;/b&gt;</span>"), html);
        assertTrue(html.contains("<tr id=\"s5\" class=\"uncited\"><td class=\"n\">4</td><td>uncited</td>"
                + "<td>Nobody cited this | sentence.</td>"), html);
        assertTrue(html.contains("repeats <a href=\"#s2\">line 3</a> (cited)"), html);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<style>") && !html.contains("<script"),
                "self-contained, no scripts");
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;", CoverageReport.escapeHtml("<a href=\"x\" title='y'>&"));
    }

    @Test
    void buildWritesTheReportWithTheDumpByteIdenticallyTwice(@TempDir Path tmp) throws Exception {
        Pipeline.publish(ROOT, tmp.resolve("a"));
        Pipeline.publish(ROOT, tmp.resolve("b"));
        Map<String, byte[]> first = contents(tmp.resolve("a/coverage"));
        assertEquals(List.of("000.html", "000.md", "001.html", "001.md", "conflicts.html", "conflicts.md", "index.html",
                "index.md"),
                List.copyOf(first.keySet()));
        Map<String, byte[]> second = contents(tmp.resolve("b/coverage"));
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));
        assertEquals(CoverageReport.markdown(coverage().articles().get(0)),
                new String(first.get("000.md"), StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> result = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                result.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return result;
    }
}
