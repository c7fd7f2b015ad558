package org.w3id.srkg.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3id.srkg.text.TextAnchor.Span;

/**
 * Splits a text into sentences: every line break ends a sentence (the texts hold one paragraph, heading or
 * title per line), and inside a line the JDK's English sentence rules decide.
 *
 * <p>The JDK rules break after any period followed by a space and a capital letter, which cuts "Mr. Xi",
 * "St. Petersburg" and "U.S. Secretary of State" in two. A break is therefore dropped after a title or
 * similar abbreviation and after initials ("U.S.", "V."). The price: a sentence that really ends with
 * "U.S." is joined to the next one; joining loses no text, while a wrong cut would make half a sentence.
 *
 * <p>A segment with no letter or digit (an empty line, a "***" separator) is not a sentence.
 */
public final class SentenceSegmenter {

    /** Abbreviations that in news English stand before a name or a word, hardly ever at a sentence end. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Gen.", "Gov.", "Sen.", "Rep.", "Lt.", "Col.", "Capt.",
            "Sgt.", "Adm.", "Amb.", "Pres.", "e.g.", "i.e.", "vs.", "cf.");
    /** Initials: "U.S.", "U.K.", "U.S.S.R.", and a single initial as in "George W. Bush". */
    private static final Pattern INITIALS = Pattern.compile("(\\p{Lu}\\.)+");
    /** Opening brackets and quotation marks that may stand before an abbreviation. */
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\p{Ps}\\p{Pi}\"']+");

    private SentenceSegmenter() {
    }

    public static List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int lineNumber = 1;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            splitLine(text, lineStart, lineEnd, lineNumber, sentences);
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
            lineNumber++;
        }
        return sentences;
    }

    private static void splitLine(String text, int from, int to, int lineNumber, List<Sentence> sentences) {
        String line = text.substring(from, to);
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(line);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            if (end < line.length() && endsWithAbbreviation(line.substring(start, end))) {
                continue;
            }
            add(text, from + start, from + end, lineNumber, sentences);
            start = end;
        }
    }

    private static boolean endsWithAbbreviation(String segment) {
        int end = segment.length();
        while (end > 0 && TextAnchor.isSpace(segment.codePointBefore(end))) {
            end -= Character.charCount(segment.codePointBefore(end));
        }
        int start = end;
        while (start > 0 && !TextAnchor.isSpace(segment.codePointBefore(start))) {
            start -= Character.charCount(segment.codePointBefore(start));
        }
        String lastWord = LEADING_PUNCTUATION.matcher(segment.substring(start, end)).replaceFirst("");
        return ABBREVIATIONS.contains(lastWord) || INITIALS.matcher(lastWord).matches();
    }

    /** Adds the segment without its surrounding white space (and a '\r' before the line break), if it has words. */
    private static void add(String text, int from, int to, int lineNumber, List<Sentence> sentences) {
        while (from < to && TextAnchor.isSpace(text.codePointAt(from))) {
            from += Character.charCount(text.codePointAt(from));
        }
        while (to > from && TextAnchor.isSpace(text.codePointBefore(to))) {
            to -= Character.charCount(text.codePointBefore(to));
        }
        String sentence = text.substring(from, to);
        if (sentence.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return;
        }
        int start = text.codePointCount(0, from);
        sentences.add(new Sentence(lineNumber, new Span(start, start + sentence.codePointCount(0, sentence.length())),
                sentence));
    }
}
