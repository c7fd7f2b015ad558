package org.w3id.srkg.server;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decides whether RE2/J, whose matching time is linear in the input, gives the same answers as
 * {@code java.util.regex} (Jena's engine) for a pattern. It says yes only for a conservative subset: every
 * construct outside it (back-references, look-around, possessive or nested counted repetition, nested classes and
 * class intersections, {@code \v \h \R \Z \G}, octal, the x flag, inline flags other than i, m, s) sends the
 * pattern to Java's engine, which is bounded by the query's cancel signal instead (see {@link CancellableText}).
 * <p>
 * Inside the subset the engines still differ on some input, which the verdict states so the caller can choose per
 * string ({@link #differsOn}):
 * <ul>
 * <li>Java's {@code .}, {@code ^} and {@code $} know five line terminators, RE2/J only {@code \n}; Java's
 * {@code \s} includes {@code \u000B}, RE2/J's does not;</li>
 * <li>Java's {@code \b} and case folding ({@code i} flag, {@code (?i)}) and RE2/J's tables differ on some non-ASCII
 * characters (Java's {@code \b} is Unicode-aware, RE2/J's ASCII), and so may the Unicode versions behind
 * {@code \p{..}}.</li>
 * </ul>
 * The estimate of the compiled program's size guards RE2/J's compiler, which expands counted repetition:
 * {@code ((a{1000}){1000}){1000}} exhausts a heap.
 */
final class LinearRegexSubset {

    /** Larger programs go to Java's engine: RE2/J's work per input character grows with the program. */
    static final long MAX_PROGRAM = 20_000;

    /** A pattern RE2/J may run: whether only ASCII input is safe for it, and whether it is in multi-line mode. */
    record Verdict(boolean asciiInputOnly, boolean multiline) {
    }

    private final String pattern;
    private int i;
    private boolean unicodeSensitive;
    private boolean caseInsensitive;
    private boolean multiline;

    private LinearRegexSubset(String pattern) {
        this.pattern = pattern;
    }

    /** The verdict for a pattern with Jena's REGEX/REPLACE flags, or null when only Java's engine may run it. */
    static Verdict of(String pattern, String flags) {
        String f = flags == null ? "" : flags;
        if (f.contains("x")) {
            return null;
        }
        boolean ci = f.contains("i");
        if (f.contains("q")) {
            return pattern.length() > MAX_PROGRAM || (ci && !isAscii(pattern)) ? null : new Verdict(ci, false);
        }
        LinearRegexSubset scan = new LinearRegexSubset(pattern);
        scan.caseInsensitive = ci;
        scan.multiline = f.contains("m");
        if (!scan.scan()) {
            return null;
        }
        if (scan.caseInsensitive && !isAscii(pattern)) {
            return null;
        }
        return new Verdict(scan.caseInsensitive || scan.unicodeSensitive, scan.multiline);
    }

    /**
     * Whether the engines may answer differently on this input, for a pattern with this verdict. In multi-line
     * mode Java's {@code ^} never matches at the end of the input, RE2/J's does: on empty input they differ.
     */
    static boolean differsOn(Verdict verdict, String input) {
        if (verdict.multiline() && input.isEmpty()) {
            return true;
        }
        for (int k = 0; k < input.length(); k++) {
            char c = input.charAt(k);
            if (c == '\n' || c == '\r' || c == '\u000B' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || (c >= 0x80 && verdict.asciiInputOnly())) {
                return true;
            }
        }
        return false;
    }

    static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** Size of the group being read and of its last atom, which a quantifier repeats. */
    private static final class Group {
        long total;
        long last;

        void add(long size) {
            total += size;
            last = size;
        }
    }

    private boolean scan() {
        Deque<Group> groups = new ArrayDeque<>();
        groups.push(new Group());
        int n = pattern.length();
        while (i < n) {
            Group group = groups.peek();
            char c = pattern.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 < n && pattern.charAt(i + 1) == 'Q') {
                        int end = pattern.indexOf("\\E", i + 2);
                        int literal = (end < 0 ? n : end) - (i + 2);
                        group.total += literal;
                        group.last = 1;
                        i = end < 0 ? n : end + 2;
                    } else if (escape(false)) {
                        group.add(1);
                    } else {
                        return false;
                    }
                }
                case '[' -> {
                    if (!characterClass()) {
                        return false;
                    }
                    group.add(1);
                }
                case '(' -> {
                    Opening opening = groupOpening();
                    if (opening == Opening.UNKNOWN) {
                        return false;
                    }
                    if (opening == Opening.GROUP) {
                        groups.push(new Group());
                    }
                }
                case ')' -> {
                    if (groups.size() == 1) {
                        return false;
                    }
                    Group closed = groups.pop();
                    groups.peek().add(closed.total + 1);
                    i++;
                }
                case '*', '+', '?' -> {
                    group.total += group.last;
                    group.last *= 2;
                    i++;
                    lazy();
                }
                case '{' -> {
                    long times = repetition();
                    if (times < 0) {
                        return false;
                    }
                    group.total += group.last * Math.max(0, times - 1);
                    group.last *= Math.max(1, times);
                    lazy();
                }
                case '|' -> {
                    group.last = 0;
                    i++;
                }
                default -> {
                    group.add(1);
                    i++;
                }
            }
            if (groups.stream().anyMatch(g -> g.total > MAX_PROGRAM || g.last > MAX_PROGRAM)) {
                return false;
            }
        }
        return groups.size() == 1;
    }

    private void lazy() {
        if (i < pattern.length() && pattern.charAt(i) == '?') {
            i++;
        }
    }

    /** An escape at {@code i} that both engines read alike; moves past it. */
    private boolean escape(boolean inClass) {
        if (i + 1 >= pattern.length()) {
            return false;
        }
        char e = pattern.charAt(i + 1);
        i += 2;
        if (e < 0x80 && !Character.isLetterOrDigit(e)) {
            return true;
        }
        switch (e) {
            case 'd', 'D', 'w', 'W', 's', 'S', 't', 'n', 'r', 'f' -> {
                return true;
            }
            case 'A', 'z' -> {
                return !inClass;
            }
            case 'b', 'B' -> {
                unicodeSensitive = true;
                return !inClass;
            }
            case 'x' -> {
                return hex();
            }
            case 'p', 'P' -> {
                unicodeSensitive = true;
                return category();
            }
            default -> {
                return false;
            }
        }
    }

    /** {@code \xhh} or {@code \x{h...}}, read after the x. */
    private boolean hex() {
        if (i < pattern.length() && pattern.charAt(i) == '{') {
            int end = pattern.indexOf('}', i);
            if (end < 0 || end == i + 1 || end - i > 7) {
                return false;
            }
            boolean digits = pattern.substring(i + 1, end).chars().allMatch(c -> Character.digit(c, 16) >= 0);
            i = end + 1;
            return digits;
        }
        if (i + 2 > pattern.length()) {
            return false;
        }
        boolean digits = Character.digit(pattern.charAt(i), 16) >= 0 && Character.digit(pattern.charAt(i + 1), 16) >= 0;
        i += 2;
        return digits;
    }

    /** A general category, {@code \pL} or {@code \p{Lu}}, read after the p: names both engines read alike. */
    private boolean category() {
        if (i >= pattern.length()) {
            return false;
        }
        String name;
        if (pattern.charAt(i) == '{') {
            int end = pattern.indexOf('}', i);
            if (end < 0) {
                return false;
            }
            name = pattern.substring(i + 1, end);
            i = end + 1;
        } else {
            name = pattern.substring(i, i + 1);
            i++;
        }
        return name.matches("[LMNPSZC][a-z]?");
    }

    /** A class without nesting or intersection; moves past its {@code ]}. */
    private boolean characterClass() {
        int n = pattern.length();
        i++;
        if (i < n && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < n && pattern.charAt(i) == ']') {
            return false;
        }
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == ']') {
                i++;
                return true;
            }
            if (c == '[' || (c == '&' && i + 1 < n && pattern.charAt(i + 1) == '&')) {
                return false;
            }
            if (c == '\\') {
                if (!escape(true)) {
                    return false;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    private enum Opening { GROUP, FLAGS, UNKNOWN }

    /**
     * {@code (}, {@code (?:}, {@code (?<name>}, or inline flags {@code (?ims-ims)} / {@code (?ims-ims:}; moves past
     * the opening.
     */
    private Opening groupOpening() {
        int n = pattern.length();
        i++;
        if (i >= n || pattern.charAt(i) != '?') {
            return Opening.GROUP;
        }
        i++;
        if (i >= n) {
            return Opening.UNKNOWN;
        }
        char c = pattern.charAt(i);
        if (c == ':') {
            i++;
            return Opening.GROUP;
        }
        if (c == '<') {
            int start = ++i;
            while (i < n && (Character.isLetterOrDigit(pattern.charAt(i)) && pattern.charAt(i) < 0x80)) {
                i++;
            }
            if (i == start || i >= n || pattern.charAt(i) != '>' || !Character.isLetter(pattern.charAt(start))) {
                return Opening.UNKNOWN;
            }
            i++;
            return Opening.GROUP;
        }
        int start = i;
        while (i < n && "ims-".indexOf(pattern.charAt(i)) >= 0) {
            i++;
        }
        if (i == start || i >= n || (pattern.charAt(i) != ')' && pattern.charAt(i) != ':')) {
            return Opening.UNKNOWN;
        }
        String flags = pattern.substring(start, i);
        int minus = flags.indexOf('-');
        String on = minus < 0 ? flags : flags.substring(0, minus);
        caseInsensitive |= on.contains("i");
        multiline |= on.contains("m");
        return pattern.charAt(i++) == ':' ? Opening.GROUP : Opening.FLAGS;
    }

    /** The larger bound of {@code {n}}, {@code {n,}} or {@code {n,m}}; moves past it; -1 if it is not one. */
    private long repetition() {
        int end = pattern.indexOf('}', i);
        if (end < 0) {
            return -1;
        }
        String body = pattern.substring(i + 1, end);
        if (!body.matches("\\d{1,4}(,\\d{0,4})?")) {
            return -1;
        }
        i = end + 1;
        long times = 0;
        for (String bound : body.split(",")) {
            if (!bound.isEmpty()) {
                times = Math.max(times, Long.parseLong(bound));
            }
        }
        return times;
    }
}
