package org.w3id.srkg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.w3id.srkg.text.TextAnchor.Closest;
import org.w3id.srkg.text.TextAnchor.Match;
import org.w3id.srkg.text.TextAnchor.Span;

class TextAnchorTest {

    private static Span span(TextAnchor anchor, String quote) {
        return anchor.find(quote).map(Match::span).orElseThrow(() -> new AssertionError("not found: " + quote));
    }

    @Test
    void findsTheFirstOccurrence() {
        TextAnchor anchor = new TextAnchor("Trade grew. Trade grew again.");
        assertEquals(Optional.of(new Match(new Span(0, 10), true)), anchor.find("Trade grew"));
        assertEquals(Optional.of(new Match(new Span(12, 28), false)), anchor.find("Trade grew again"));
    }

    @Test
    void aRepeatIsSeenAcrossDifferentWhiteSpace() {
        TextAnchor anchor = new TextAnchor("Talks in Beijing.\n\nTalks\nin\u00a0Beijing.");
        assertEquals(Optional.of(new Match(new Span(0, 17), true)), anchor.find("Talks in Beijing."));
    }

    @Test
    void anyRunOfWhiteSpaceMatchesAnyOther() {
        String text = "Leave a Reply\n\nThis site\u00a0uses  Akismet.";
        TextAnchor anchor = new TextAnchor(text);
        Span span = span(anchor, "  Leave a Reply This\tsite uses\nAkismet.\n");
        assertEquals(new Span(0, 39), span);
        assertEquals(text, anchor.slice(span));
    }

    @Test
    void offsetsCountCodePointsNotJavaChars() {
        String text = "\uD835\uDC00 bold A, then “Xi”.";
        TextAnchor anchor = new TextAnchor(text);
        Span span = span(anchor, "“Xi”");
        assertEquals(new Span(15, 19), span, "the mathematical bold A before is one code point, two Java chars");
        assertEquals(text.indexOf('“') - 1, span.start());
        assertEquals("“Xi”", anchor.slice(span));
    }

    @Test
    void aMatchEndingInACharacterOutsideTheBasicPlaneEndsAfterIt() {
        String text = "Rank \uD83E\uDD47 first\u00a0\uD83E\uDD47, then more.";
        TextAnchor anchor = new TextAnchor(text);
        Span span = span(anchor, "first \uD83E\uDD47");
        assertEquals(new Span(7, 14), span, "7 code points: 'first', a no-break space, one medal");
        assertEquals("first\u00a0\uD83E\uDD47", anchor.slice(span));
    }

    @Test
    void missingOrBlankQuotesAreNotFound() {
        TextAnchor anchor = new TextAnchor("Russia and China.");
        assertFalse(anchor.find("China and Russia").isPresent());
        assertFalse(anchor.find(" \n ").isPresent());
        assertFalse(anchor.find("Russia  and China. More").isPresent());
        assertFalse(anchor.find("Russia and China").map(Match::repeated).orElseThrow());
    }

    @Test
    void overlappingRepeatsAndNearMissesOfLongQuotes() {
        TextAnchor anchor = new TextAnchor("ababababab, then abababax.");
        assertEquals(Optional.of(new Match(new Span(0, 8), true)), anchor.find("abababab"));
        assertEquals(Optional.of(new Match(new Span(0, 10), false)), anchor.find("ababababab"));
        assertEquals(Optional.of(new Match(new Span(17, 25), false)), anchor.find("abababax"));
        assertFalse(anchor.find("abababab, then abababay").isPresent());
        assertEquals(Optional.of(new Match(new Span(0, 2), true)), anchor.find("ab"));
    }

    @Test
    void typographicPunctuationIsNotFoldedToAscii() {
        TextAnchor anchor = new TextAnchor("He said “best time” – twice.");
        assertFalse(anchor.find("He said \"best time\"").isPresent());
        assertFalse(anchor.find("time” - twice").isPresent());
        assertTrue(anchor.find("time” – twice").isPresent());
    }

    @Test
    void sliceIsClampedToTheText() {
        TextAnchor anchor = new TextAnchor("\uD83E\uDD47 abc");
        assertEquals("\uD83E\uDD47 a", anchor.slice(-32, 3), "context before the start of the text is cut");
        assertEquals("bc", anchor.slice(3, 99));
        assertEquals("", anchor.slice(5, 99));
    }

    @Test
    void closestIsTheLeastEditedPassageOfTheFoldedText() {
        TextAnchor anchor = new TextAnchor("Trade grew by a\nthird in 2018, the ministry reported.");
        assertEquals(new Closest("Trade grew by a third in 2018", 1), anchor.closest("Trade grew by a thirt in  2018"));
        assertEquals(new Closest("the ministry reported.", 0), anchor.closest("the ministry reported."));
    }

    @Test
    void foldTrimsAndCollapsesWhiteSpace() {
        assertEquals("a b c", TextAnchor.fold("\n a \u00a0\t b\r\nc  "));
        assertEquals("", TextAnchor.fold("\u2003"));
    }

    @Test
    void spansCompare() {
        Span sentence = new Span(10, 20);
        assertTrue(new Span(5, 25).contains(sentence));
        assertFalse(new Span(11, 25).contains(sentence));
        assertEquals(Optional.of(new Span(15, 20)), new Span(15, 30).intersection(sentence));
        assertEquals(Optional.empty(), new Span(20, 30).intersection(sentence), "end is exclusive");
        assertThrows(IllegalArgumentException.class, () -> new Span(3, 2));
    }
}
