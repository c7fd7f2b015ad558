package org.w3id.srkg.server;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.RegexEngine;

/**
 * A REGEX or REPLACE pattern whose every match ends: by RE2/J, linear in its input, for the patterns and input on
 * which it answers as Jena's {@code java.util.regex} does ({@link LinearRegexSubset}), otherwise by Java's engine
 * reading a {@link CancellableText}, so the query's timeout ends it. Compiling with Jena's own
 * {@link RegexEngine#makePattern} first keeps Jena's flags, its q flag and its error messages.
 */
final class BoundedPattern {

    private final java.util.regex.Pattern java;
    private final com.google.re2j.Pattern linear;
    private final LinearRegexSubset.Verdict verdict;

    private BoundedPattern(java.util.regex.Pattern java, com.google.re2j.Pattern linear,
            LinearRegexSubset.Verdict verdict) {
        this.java = java;
        this.linear = linear;
        this.verdict = verdict;
    }

    /** Compiles as Jena does, with {@code label} in its error messages; flags may be null. */
    static BoundedPattern compile(String label, String pattern, String flags) {
        java.util.regex.Pattern java = RegexEngine.makePattern(label, pattern, flags);
        LinearRegexSubset.Verdict verdict = LinearRegexSubset.of(pattern, flags);
        if (verdict == null) {
            return new BoundedPattern(java, null, null);
        }
        String f = flags == null ? "" : flags;
        int mask = (f.contains("i") ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0)
                | (f.contains("s") ? com.google.re2j.Pattern.DOTALL : 0)
                | (f.contains("m") ? com.google.re2j.Pattern.MULTILINE : 0);
        try {
            com.google.re2j.Pattern linear = com.google.re2j.Pattern.compile(
                    f.contains("q") ? com.google.re2j.Pattern.quote(pattern) : pattern, mask);
            return new BoundedPattern(java, linear, verdict);
        } catch (com.google.re2j.PatternSyntaxException e) {
            return new BoundedPattern(java, null, null);
        }
    }

    /** The matches in {@code input}, by the engine that bounds them. */
    Matches matcher(String input, AtomicBoolean cancelled) {
        CharSequence text = new CancellableText(input, cancelled);
        if (linear != null && !LinearRegexSubset.differsOn(verdict, input)) {
            return new Linear(linear, linear.matcher(text));
        }
        return new Java(java.matcher(text));
    }

    boolean find(String input, AtomicBoolean cancelled) {
        return matcher(input, cancelled).find();
    }

    /**
     * Jena's REPLACE ({@code XSDFuncOp.replaceAll}): every match replaced, but an empty match only if it is the
     * first; Java's replacement syntax ({@code $n}, {@code ${name}}, {@code \}). Null when nothing matched. The
     * result is built within {@link StringCap}: a replacement repeated over many matches, or naming a group many
     * times, fails before it is longer than the cap.
     */
    String replace(String input, String replacement, AtomicBoolean cancelled) {
        Matches matches = matcher(input, cancelled);
        StringCap.Builder out = null;
        int tail = 0;
        while (matches.find()) {
            if (out == null) {
                out = new StringCap.Builder();
            } else if (matches.start() == matches.end()) {
                continue;
            }
            out.append(input, tail, matches.start());
            expand(matches, replacement, out);
            tail = matches.end();
        }
        if (out == null) {
            return null;
        }
        out.append(input, tail, input.length());
        return out.toString();
    }

    /** Java's {@code Matcher.appendReplacement} expansion, with its errors as evaluation errors. */
    private static void expand(Matches match, String replacement, StringCap.Builder out) {
        int n = replacement.length();
        int i = 0;
        while (i < n) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                if (++i == n) {
                    throw new ExprEvalException("REPLACE: character to be escaped is missing");
                }
                out.append(replacement, i, i + 1);
                i++;
            } else if (c == '$') {
                if (++i == n) {
                    throw new ExprEvalException("REPLACE: Illegal group reference: group index is missing");
                }
                String group;
                if (replacement.charAt(i) == '{') {
                    int start = ++i;
                    while (i < n && replacement.charAt(i) < 0x80 && Character.isLetterOrDigit(replacement.charAt(i))) {
                        i++;
                    }
                    if (i == start || i == n || replacement.charAt(i) != '}'
                            || Character.isDigit(replacement.charAt(start))) {
                        throw new ExprEvalException("REPLACE: Illegal named group reference");
                    }
                    group = match.group(replacement.substring(start, i));
                    i++;
                } else {
                    int number = replacement.charAt(i) - '0';
                    if (number < 0 || number > 9) {
                        throw new ExprEvalException("REPLACE: Illegal group reference");
                    }
                    i++;
                    while (i < n) {
                        int digit = replacement.charAt(i) - '0';
                        if (digit < 0 || digit > 9 || number * 10 + digit > match.groupCount()) {
                            break;
                        }
                        number = number * 10 + digit;
                        i++;
                    }
                    if (number > match.groupCount()) {
                        throw new ExprEvalException("REPLACE: No group " + number);
                    }
                    group = match.group(number);
                }
                if (group != null) {
                    out.append(group, 0, group.length());
                }
            } else {
                int next = i;
                while (next < n && replacement.charAt(next) != '\\' && replacement.charAt(next) != '$') {
                    next++;
                }
                out.append(replacement, i, next);
                i = next;
            }
        }
    }

    /** What REGEX and REPLACE need of a matcher, from either engine. */
    interface Matches {
        boolean find();

        int start();

        int end();

        int groupCount();

        String group(int number);

        /** The named group's text; an evaluation error if the pattern has no such group. */
        String group(String name);
    }

    private record Java(java.util.regex.Matcher m) implements Matches {
        @Override
        public boolean find() {
            return m.find();
        }

        @Override
        public int start() {
            return m.start();
        }

        @Override
        public int end() {
            return m.end();
        }

        @Override
        public int groupCount() {
            return m.groupCount();
        }

        @Override
        public String group(int number) {
            return m.group(number);
        }

        @Override
        public String group(String name) {
            try {
                return m.group(name);
            } catch (IllegalArgumentException e) {
                throw new ExprEvalException("REPLACE: No group with name {" + name + "}");
            }
        }
    }

    private record Linear(com.google.re2j.Pattern pattern, com.google.re2j.Matcher m) implements Matches {
        @Override
        public boolean find() {
            return m.find();
        }

        @Override
        public int start() {
            return m.start();
        }

        @Override
        public int end() {
            return m.end();
        }

        @Override
        public int groupCount() {
            return m.groupCount();
        }

        @Override
        public String group(int number) {
            return m.group(number);
        }

        @Override
        public String group(String name) {
            if (!pattern.namedGroups().containsKey(name)) {
                throw new ExprEvalException("REPLACE: No group with name {" + name + "}");
            }
            return m.group(name);
        }
    }
}
