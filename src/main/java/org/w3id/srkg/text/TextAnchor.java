package org.w3id.srkg.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where a quote sits in a text, the way curators copy quotes: exactly, except that any run of white
 * space in the quote may stand for any run of white space in the text (a line break copied as a space, two
 * spaces as one, a no-break space as a plain one). Nothing else is folded: typographic quotes and dashes stay
 * distinct from ASCII ones, because a quote must be what the article says. The first occurrence wins, so a
 * text that repeats itself anchors each quote once, in its first copy.
 *
 * <p>Positions are code-point offsets into the original text, start inclusive and end exclusive: the unit
 * of Web Annotation's TextPositionSelector, and independent of how Java stores characters. The folded text
 * keeps, for each of its Java chars, the code point it came from, so a match found by {@code indexOf} maps
 * back in constant time.
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

    /** Where a quote was found first, and whether the text holds it again further on. */
    public record Match(Span span, boolean repeated) {
    }

    /** The passage of the text closest to a quote that is not in it, and how many edits apart they are. */
    public record Closest(String passage, int edits) {
    }

    /** Length of the runs of the text indexed for {@link #find}; a shorter quote is searched for directly. */
    private static final int GRAM = 8;

    private final int[] codePoints;
    private final String folded;
    /** origin[i]: the code-point offset in the original text of Java char i of {@link #folded}. */
    private final int[] origin;
    private Map<Long, List<Integer>> grams;

    public TextAnchor(String text) {
        codePoints = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length());
        int[] map = new int[text.length()];
        boolean inSpace = false;
        for (int i = 0; i < codePoints.length; i++) {
            int cp = codePoints[i];
            if (isSpace(cp)) {
                if (inSpace) {
                    continue;
                }
                inSpace = true;
                map[out.length()] = i;
                out.append(' ');
            } else {
                inSpace = false;
                for (char c : Character.toChars(cp)) {
                    map[out.length()] = i;
                    out.append(c);
                }
            }
        }
        folded = out.toString();
        origin = map;
    }

    /** The first place the quote occurs, or empty when it does not occur or holds nothing but white space. */
    public Optional<Match> find(String quote) {
        String needle = fold(quote);
        int at = -1;
        boolean repeated = false;
        if (needle.length() < GRAM) {
            at = needle.isEmpty() ? -1 : folded.indexOf(needle);
            repeated = at >= 0 && folded.indexOf(needle, at + 1) >= 0;
        } else {
            // Any run of the quote finds every occurrence; the run the text holds least often gives the fewest
            // candidates to check, which matters in texts that repeat their phrases.
            int offset = 0;
            List<Integer> candidates = null;
            for (int from = 0; from + GRAM <= needle.length(); from += GRAM) {
                List<Integer> where = grams().getOrDefault(gram(needle, from), List.of());
                if (candidates == null || where.size() < candidates.size()) {
                    candidates = where;
                    offset = from;
                }
            }
            for (int candidate : candidates) {
                int start = candidate - offset;
                if (start >= 0 && folded.startsWith(needle, start)) {
                    if (at >= 0) {
                        repeated = true;
                        break;
                    }
                    at = start;
                }
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        Span span = new Span(origin[at], origin[at + needle.length() - 1] + 1);
        return Optional.of(new Match(span, repeated));
    }

    /**
     * Where each run of {@value #GRAM} chars starts in the folded text, in order, keyed by a hash of the run. An
     * article's quotes are all looked up in its one text; scanning the whole text twice for each (the occurrence,
     * then whether it repeats) made anchoring a large share of the build. Made on the first lookup.
     */
    private Map<Long, List<Integer>> grams() {
        if (grams == null) {
            grams = new HashMap<>();
            for (int i = 0; i + GRAM <= folded.length(); i++) {
                grams.computeIfAbsent(gram(folded, i), g -> new ArrayList<>()).add(i);
            }
        }
        return grams;
    }

    /** A hash of the {@value #GRAM} chars from {@code from}: equal runs hash alike; a collision is checked away. */
    private static long gram(String text, int from) {
        long hash = 0;
        for (int i = from; i < from + GRAM; i++) {
            hash = hash * 1_000_003 + text.charAt(i);
        }
        return hash;
    }

    /** The text a span covers. */
    public String slice(Span span) {
        return slice(span.start(), span.end());
    }

    /** Code points [start, end) of the original text, clamped to it, so context may reach past either end. */
    public String slice(int start, int end) {
        int from = Math.max(0, start);
        int to = Math.min(codePoints.length, end);
        return new String(codePoints, from, Math.max(0, to - from));
    }

    /**
     * The substring of the (folded) text with the least edit distance to the quote: Sellers' approximate
     * matching, an edit-distance table whose first row is free so a match may start anywhere, carrying
     * along where each path started. O(quote × text) time, two rows of memory; only run for a failure.
     */
    public Closest closest(String quote) {
        String q = fold(quote);
        int n = folded.length();
        int[] prev = new int[n + 1];
        int[] prevStart = new int[n + 1];
        int[] cur = new int[n + 1];
        int[] curStart = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prevStart[j] = j;
        }
        for (int i = 1; i <= q.length(); i++) {
            char c = q.charAt(i - 1);
            cur[0] = i;
            curStart[0] = 0;
            for (int j = 1; j <= n; j++) {
                int best = prev[j - 1] + (c == folded.charAt(j - 1) ? 0 : 1);
                int start = prevStart[j - 1];
                if (prev[j] + 1 < best) {
                    best = prev[j] + 1;
                    start = prevStart[j];
                }
                if (cur[j - 1] + 1 < best) {
                    best = cur[j - 1] + 1;
                    start = curStart[j - 1];
                }
                cur[j] = best;
                curStart[j] = start;
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
            swap = prevStart;
            prevStart = curStart;
            curStart = swap;
        }
        int end = 0;
        for (int j = 1; j <= n; j++) {
            if (prev[j] < prev[end]) {
                end = j;
            }
        }
        return new Closest(folded.substring(prevStart[end], end).strip(), prev[end]);
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
