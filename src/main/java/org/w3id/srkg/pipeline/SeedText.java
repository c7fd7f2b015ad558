package org.w3id.srkg.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The text of a seed file, read strictly before Jena parses it.
 * <ul>
 * <li>Bytes that are not UTF-8 are a problem at their line and column: Jena's reader would turn them into U+FFFD
 * and the graph would serve a character nobody wrote.</li>
 * <li>Blank nodes {@code [ … ]} and collections {@code ( … )} nested deeper than {@link TurtleParser#MAX_NESTING}
 * are a problem where the limit is passed: Jena's Turtle parser recurses once per level, so a file nested some
 * thousands deep overflows the stack of whichever thread builds.</li>
 * </ul>
 */
final class SeedText {

    private SeedText() {
    }

    /** The file's text, or null when a problem (added to {@code problems}) makes it unfit to parse. */
    static String read(SeedFile file, List<Problem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            problems.add(Problem.inFile(file.relative(), "cannot read: " + e.getMessage()));
            return null;
        }
        String text = decode(file.relative(), bytes, problems);
        if (text == null) {
            return null;
        }
        Problem tooDeep = nesting(file.relative(), text);
        if (tooDeep != null) {
            problems.add(tooDeep);
            return null;
        }
        // Jena skips a byte order mark on a byte stream, not in text.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String decode(String file, byte[] bytes, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            String before = out.flip().toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            problems.add(new Problem(file, line, column, String.format(
                    "not UTF-8: byte 0x%02X at offset %d", bytes[in.position()] & 0xFF, in.position())));
            return null;
        }
        return out.flip().toString();
    }

    /**
     * Where {@code [} or {@code (} first opens a level past the limit, outside strings, IRIs and comments; null if
     * nowhere. Lines and columns are counted from 1, as Jena counts them.
     */
    static Problem nesting(String file, String text) {
        int depth = 0;
        long line = 1;
        int lineStart = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '#') {
                while (i + 1 < n && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '<') {
                while (i + 1 < n && text.charAt(i + 1) != '>' && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                String quote = String.valueOf(c).repeat(text.startsWith(String.valueOf(c).repeat(3), i) ? 3 : 1);
                int j = i + quote.length();
                while (j < n && !text.startsWith(quote, j)) {
                    if (text.charAt(j) == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + quote.length() - 1;
            } else if (c == '[' || c == '(') {
                if (++depth > TurtleParser.MAX_NESTING) {
                    return new Problem(file, line, i - lineStart + 1, "blank nodes and collections nested more than "
                            + TurtleParser.MAX_NESTING + " deep");
                }
            } else if (c == ']' || c == ')') {
                depth = Math.max(0, depth - 1);
            }
            i++;
        }
        return null;
    }
}
