package org.w3id.srkg.pipeline;

import java.util.Optional;

/**
 * A text with every run of white space folded to one space, so that a quote matches whatever line breaks
 * the curator's copy has, and each folded character mapped back to its Unicode code point offset in the
 * original, which is what oa:TextPositionSelector counts. Nothing else is folded: typographic quotes and
 * dashes stay distinct from ASCII ones, because a quote must be what the article says.
 */
final class FoldedText {

    /** Where a quote was found, in code points of the original text, end exclusive. */
    record Match(int start, int end, boolean repeated) {
    }

    /** The passage of the text closest to a quote that is not in it, and how many edits apart they are. */
    record Closest(String passage, int edits) {
    }

    private final int[] codePoints;
    private final String folded;
    /** origin[i]: the code point offset in the original text of folded char i. */
    private final int[] origin;

    FoldedText(String text) {
        codePoints = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length());
        int[] map = new int[text.length()];
        for (int i = 0; i < codePoints.length; i++) {
            int cp = codePoints[i];
            if (isWhiteSpace(cp)) {
                if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                    map[out.length()] = i;
                    out.append(' ');
                }
            } else {
                for (char c : Character.toChars(cp)) {
                    map[out.length()] = i;
                    out.append(c);
                }
            }
        }
        folded = out.toString();
        origin = map;
    }

    /** The quote as it is matched: white space runs folded to one space, and trimmed. */
    static String fold(String quote) {
        return new FoldedText(quote).folded.strip();
    }

    /** The first occurrence of the quote, or empty if it is not in the text. */
    Optional<Match> find(String quote) {
        String q = fold(quote);
        int at = q.isEmpty() ? -1 : folded.indexOf(q);
        if (at < 0) {
            return Optional.empty();
        }
        boolean repeated = folded.indexOf(q, at + 1) >= 0;
        return Optional.of(new Match(origin[at], origin[at + q.length() - 1] + 1, repeated));
    }

    /** Code points [start, end) of the original text, clamped to it. */
    String slice(int start, int end) {
        int from = Math.max(0, start);
        int to = Math.min(codePoints.length, end);
        return new String(codePoints, from, Math.max(0, to - from));
    }

    /**
     * The substring of the (folded) text with the least edit distance to the quote: Sellers' approximate
     * matching, an edit-distance table whose first row is free so a match may start anywhere, carrying
     * along where each path started. O(quote × text) time, two rows of memory; only run for a failure.
     */
    Closest closest(String quote) {
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

    /** Unicode White_Space: Java's isWhitespace leaves out no-break spaces, isSpaceChar leaves out tabs and breaks. */
    private static boolean isWhiteSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
