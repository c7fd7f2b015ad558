package org.w3id.srkg.text;

import java.util.Arrays;
import java.util.Optional;

/**
 * Finds where a quote sits in a text, the way curators copy quotes: exactly, except that any run of white
 * space in the quote may stand for any run of white space in the text (a line break copied as a space, two
 * spaces as one, a no-break space as a plain one). The first occurrence wins, so a text that repeats itself
 * anchors each quote once, in its first copy.
 *
 * <p>Positions are code-point offsets into the original text, start inclusive and end exclusive: the unit
 * of Web Annotation's TextPositionSelector, and independent of how Java stores characters.
 */
public final class TextAnchor {

    /** A stretch of a text in code points, {@code start} inclusive, {@code end} exclusive. */
    public record Span(int start, int end) {

        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
            }
        }

        public boolean contains(Span other) {
            return start <= other.start && other.end <= end;
        }

        /** The shared stretch, or empty when the two do not overlap. */
        public Optional<Span> intersection(Span other) {
            int from = Math.max(start, other.start);
            int to = Math.min(end, other.end);
            return from < to ? Optional.of(new Span(from, to)) : Optional.empty();
        }
    }

    private final String text;
    private final String folded;
    /** For each code point of {@link #folded}, the code-point offset in {@link #text} it comes from. */
    private final int[] origin;

    public TextAnchor(String text) {
        this.text = text;
        StringBuilder out = new StringBuilder(text.length());
        int[] from = new int[text.codePointCount(0, text.length())];
        int count = 0;
        int offset = 0;
        boolean inSpace = false;
        for (int i = 0; i < text.length(); offset++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                if (inSpace) {
                    continue;
                }
                inSpace = true;
                out.append(' ');
            } else {
                inSpace = false;
                out.appendCodePoint(cp);
            }
            from[count++] = offset;
        }
        this.folded = out.toString();
        this.origin = Arrays.copyOf(from, count);
    }

    public String text() {
        return text;
    }

    /** The first place the quote occurs, or empty when it does not occur or holds nothing but white space. */
    public Optional<Span> find(String quote) {
        String needle = fold(quote);
        if (needle.isEmpty()) {
            return Optional.empty();
        }
        int at = folded.indexOf(needle);
        if (at < 0) {
            return Optional.empty();
        }
        int first = folded.codePointCount(0, at);
        int last = first + needle.codePointCount(0, needle.length()) - 1;
        return Optional.of(new Span(origin[first], origin[last] + 1));
    }

    /** The text between code-point offsets. */
    public String slice(Span span) {
        int from = text.offsetByCodePoints(0, span.start());
        return text.substring(from, text.offsetByCodePoints(from, span.end() - span.start()));
    }

    /** The quote as it is matched: trimmed, each run of white space replaced by one space. */
    public static String fold(String quote) {
        StringBuilder out = new StringBuilder(quote.length());
        boolean pendingSpace = false;
        for (int i = 0; i < quote.length(); ) {
            int cp = quote.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * White space in the Java sense (spaces, tabs, line breaks) and every Unicode space separator, which adds
     * the no-break spaces web pages are full of.
     */
    public static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
