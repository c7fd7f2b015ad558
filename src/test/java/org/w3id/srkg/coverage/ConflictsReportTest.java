package org.w3id.srkg.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.pipeline.PipelineException;

/** The disagreements of the repository's seeds: each asserted pair once, with both claims' quotes and articles. */
class ConflictsReportTest {

    private static final String CLAIM = "https://w3id.org/srkg/id/claim/";
    private static List<Conflict> conflicts;

    @BeforeAll
    static void build() throws PipelineException {
        conflicts = ConflictsReport.find(Pipeline.build(Path.of("")));
    }

    @Test
    void everyPairJoinsTwoArticlesAndIsListedOnce() {
        assertTrue(conflicts.size() >= 5, conflicts::toString);
        for (Conflict c : conflicts) {
            assertTrue(!c.first().article().equals(c.second().article()), c::toString);
            assertTrue(!c.first().quotes().isEmpty() && !c.second().quotes().isEmpty(), c::toString);
        }
        assertEquals(conflicts.size(), conflicts.stream().map(c -> c.first().claim() + c.second().claim()).distinct().count());
    }

    @Test
    void theSinoSovietTimelineDisagreementCarriesBothQuotes() {
        Conflict hostility = conflicts.stream()
                .filter(c -> c.first().claim().equals(CLAIM + "002/hostility-till-mid-1980s")).findFirst().orElseThrow();
        assertEquals(CLAIM + "000/sino-soviet-split-dates", hostility.second().claim());
        assertEquals("000", hostility.second().article());
        assertEquals(List.of("the Sino-Soviet split which lasted between 1961 and 1989"), hostility.second().quotes());
        String md = ConflictsReport.markdown(conflicts);
        assertTrue(md.contains("- article [000](000.md), [" + CLAIM + "000/sino-soviet-split-dates]"), md);
        assertTrue(md.contains("till the mid-1980s"), md);
    }

    @Test
    void theCoverageIndexLinksToIt() {
        assertTrue(CoverageReport.indexMarkdown(new Coverage(List.of())).contains("(conflicts.md)"));
        assertTrue(CoverageReport.indexHtml(new Coverage(List.of())).contains("href=\"conflicts.html\""));
    }
}
