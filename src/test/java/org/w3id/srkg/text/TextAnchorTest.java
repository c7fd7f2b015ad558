package org.w3id.srkg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.w3id.srkg.text.TextAnchor.Span;

class TextAnchorTest {

    @Test
    void findsTheFirstOccurrence() {
        TextAnchor anchor = new TextAnchor("Trade grew. Trade grew again.");
        assertEquals(Optional.of(new Span(0, 10)), anchor.find("Trade grew"));
        assertEquals(Optional.of(new Span(12, 28)), anchor.find("Trade grew again"));
    }

    @Test
    void anyRunOfWhiteSpaceMatchesAnyOther() {
        TextAnchor anchor = new TextAnchor("Leave a Reply\n\nThis site\u00a0uses  Akismet.");
        Optional<Span> span = anchor.find("  Leave a Reply This\tsite uses\nAkismet.\n");
        assertEquals(Optional.of(new Span(0, 39)), span);
        assertEquals("Leave a Reply\n\nThis site\u00a0uses  Akismet.", anchor.slice(span.orElseThrow()));
    }

    @Test
    void offsetsCountCodePointsNotJavaChars() {
        String text = "\uD835\uDC00 bold A, then “Xi”.";
        TextAnchor anchor = new TextAnchor(text);
        Span span = anchor.find("“Xi”").orElseThrow();
        assertEquals(new Span(15, 19), span, "the mathematical bold A before is one code point, two Java chars");
        assertEquals(text.indexOf('“') - 1, span.start());
        assertEquals("“Xi”", anchor.slice(span));
    }

    @Test
    void missingOrBlankQuotesAreNotFound() {
        TextAnchor anchor = new TextAnchor("Russia and China.");
        assertFalse(anchor.find("China and Russia").isPresent());
        assertFalse(anchor.find(" \n ").isPresent());
        assertFalse(anchor.find("Russia  and China. More").isPresent());
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
