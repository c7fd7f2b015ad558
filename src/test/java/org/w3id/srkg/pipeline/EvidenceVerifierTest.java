package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.support.EvidenceAnchors;
import org.w3id.srkg.support.EvidenceAnchors.Anchor;
import org.w3id.srkg.support.Fixtures;

/** Evidence anchors of the {@code evidence-anchored} fixture, read back from the built dataset by SPARQL. */
class EvidenceVerifierTest {

    private static final Path ROOT = Fixtures.root("evidence-anchored");
    private static final String CLAIM = Namespaces.ID + "claim/";

    private static Map<String, Anchor> anchors;

    @BeforeAll
    static void build() throws PipelineException {
        anchors = EvidenceAnchors.of(Pipeline.build(ROOT)).stream()
                .collect(Collectors.toMap(Anchor::annotation, Function.identity()));
    }

    @Test
    void everyQuoteIsAnchoredAndReslicingTheTextGivesItsExactQuote() throws IOException {
        assertEquals(8, anchors.size(), anchors::toString);
        for (Anchor anchor : anchors.values()) {
            assertEquals(anchor.exact(), anchor.reslice(ROOT), anchor::annotation);
            assertEquals(anchor.slice(ROOT, anchor.start() - EvidenceVerifier.CONTEXT, anchor.start()),
                    anchor.prefix() == null ? "" : anchor.prefix(), anchor::annotation);
            assertEquals(anchor.slice(ROOT, anchor.end(), anchor.end() + EvidenceVerifier.CONTEXT),
                    anchor.suffix() == null ? "" : anchor.suffix(), anchor::annotation);
        }
    }

    @Test
    void offsetsCountCodePointsNotUtf16Units() throws IOException {
        Anchor partners = anchors.get(CLAIM + "000/partners/evidence/1");
        String text = text("000");
        int utf16 = text.indexOf("The minister said “we are partners in 2018”");
        assertTrue(text.codePointCount(0, utf16) < utf16, "the fixture has non-BMP characters before the quote");
        assertEquals(text.codePointCount(0, utf16), partners.start());
        assertEquals(partners.start() + "The minister said “we are partners in 2018”".length(), partners.end());
    }

    @Test
    void quoteWithALineBreakMatchesTextWithASpaceAndTheReverse() {
        assertEquals("before the summit in Vladivostok.", anchors.get(CLAIM + "000/summit/evidence/2").exact());
        assertEquals("Trade grew by a\nthird, the ministry\u00a0reported.",
                anchors.get(CLAIM + "000/trade/evidence/1").exact(), "oa:exact is the text, not the curator's copy");
    }

    @Test
    void quotesOfOneClaimAreNumberedByPositionInTheText() {
        Anchor first = anchors.get(CLAIM + "000/summit/evidence/1");
        assertEquals("Evidence test", first.exact());
        assertEquals(0, first.start());
        assertNull(first.prefix(), "nothing precedes the start of the text");
        assertTrue(first.end() <= anchors.get(CLAIM + "000/summit/evidence/2").start());
    }

    @Test
    void declaredPassagesAreAnchoredToo() {
        Anchor passage = anchors.get(CLAIM + "000/comments-closed/passage/1");
        assertEquals(CLAIM + "000/comments-closed", passage.body());
        assertEquals("Comments are closed.", passage.exact());
        assertEquals("\n", passage.suffix(), "context is the text as it is, white space included");
    }

    @Test
    void aTextThatRepeatsItselfAnchorsAtFirstOccurrencesAndIsReportedOnce() throws Exception {
        EvidenceVerifier.Result result = EvidenceVerifier.anchor(ROOT, TurtleParser.parse(SeedLayout.scan(ROOT)));
        assertEquals(List.of("seeds/articles/001.txt: 2 quotes occur more than once (the text repeats itself);"
                + " anchored to first occurrences"), result.notes());

        String text = text("001");
        String quote = "Russia and China held talks in Beijing.";
        int first = text.indexOf(quote);
        assertTrue(text.indexOf(quote, first + 1) > first, "the fixture repeats the quote");
        assertEquals(first, anchors.get(CLAIM + "001/talks/evidence/1").start());
        assertFalse(anchors.containsKey(CLAIM + "001/talks/evidence/2"), "one anchor per quote");
    }

    private static String text(String article) throws IOException {
        return Files.readString(ROOT.resolve("seeds/articles/" + article + ".txt"), StandardCharsets.UTF_8);
    }
}
