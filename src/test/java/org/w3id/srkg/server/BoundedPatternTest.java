package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionEnvBase;
import org.junit.jupiter.api.Test;

/**
 * Bounded REGEX and REPLACE answer as Jena's own do: every pattern of a grid of ordinary and tricky ones, with
 * every flag set, on input with line terminators, non-ASCII letters and case pairs, gives the same value or the
 * same failure. The grid also checks that the linear engine is really the one used for the ordinary patterns.
 */
class BoundedPatternTest {

    private static final List<String> INPUTS = List.of("abc", "ABC", "a\nb", "b\n", "héllo wörld", "Straße",
            "x y\tz", "2024-01-05", "foo.bar baz", "aaa", "", "line1\r\nline2", "İstanbul ı i", "a$b",
            "v\u000Bw", "foo_bar foo", "ǅ ǆ Ǆ", "kelvin \u212A", "a.b.c", "née");
    private static final List<String> PATTERNS = List.of("^a", "c$", "b.", "[a-z]+", "\\d{4}-\\d{2}", "(?i)abc",
            "\\bfoo\\b", "\\w+\\s\\w+", "a|b", "(a)(b)?", ".*", "", "\\.", "[^a-c]", "\\p{L}+", "(?<y>\\d{4})",
            "a{2,}", "a*?", "^$", "(?m)^b", "(?s)a.b", "\\Qa.b\\E", "[\\w.-]+", "\\x41", "(a)\\1", "x*", "é", ".",
            "\\s+", "[[a-z]&&[^b]]", "(?x) a b c", "İ", "k", "\\S+$", "(?=b)", "a++", "ß", "STRASSE", "[^\\n]+",
            "(?-i:a)B", "\\Bo", "(\\w)(\\w)?$", "\\$");
    private static final List<String> FLAGS = List.of("", "i", "s", "m", "q", "x", "iq", "smi", "w");
    private static final List<String> REPLACEMENTS = List.of("x", "[$0]", "$1", "\\$", "${y}", "", "$2$1", "$");

    private final FunctionEnv env = new FunctionEnvBase();

    @Test
    void regexAnswersAsJenaDoes() {
        int compared = 0;
        for (String input : INPUTS) {
            for (String pattern : PATTERNS) {
                for (String flags : FLAGS) {
                    ExprList args = args(input, pattern, flags);
                    String jena = outcome(() -> (flags.isEmpty()
                            ? new E_Regex(args.get(0), args.get(1))
                            : new E_Regex(args.get(0), args.get(1), args.get(2))).eval(BindingFactory.empty(), env));
                    String ours = outcome(() -> new BoundedRegex(args).eval(BindingFactory.empty(), env));
                    assertEquals(jena, ours, () -> "REGEX(" + input + ", " + pattern + ", " + flags + ")");
                    compared++;
                }
            }
        }
        assertEquals(INPUTS.size() * PATTERNS.size() * FLAGS.size(), compared);
    }

    @Test
    void replaceAnswersAsJenaDoes() {
        for (String input : INPUTS) {
            for (String pattern : PATTERNS) {
                for (String flags : List.of("", "i", "q", "m")) {
                    for (String replacement : REPLACEMENTS) {
                        ExprList args = args(input, pattern, flags);
                        Expr rep = NodeValue.makeString(replacement);
                        String jena = outcome(() -> (flags.isEmpty()
                                ? new E_StrReplace(args.get(0), args.get(1), rep)
                                : new E_StrReplace(args.get(0), args.get(1), rep, args.get(2)))
                                .eval(BindingFactory.empty(), env));
                        ExprList ourArgs = new ExprList(new ArrayList<>(List.of(args.get(0), args.get(1), rep)));
                        if (!flags.isEmpty()) {
                            ourArgs.add(args.get(2));
                        }
                        String ours = outcome(() -> new BoundedReplace(ourArgs).eval(BindingFactory.empty(), env));
                        assertEquals(jena, ours,
                                () -> "REPLACE(" + input + ", " + pattern + ", " + replacement + ", " + flags + ")");
                    }
                }
            }
        }
    }

    @Test
    void ordinaryPatternsRunOnTheLinearEngine() {
        for (String pattern : List.of("^a", "c$", "[a-z]+", "\\d{4}-\\d{2}", "(?i)abc", "\\bfoo\\b", "(.*,){12}X",
                "(?<y>\\d{4})", "\\Qa.b\\E", "[\\w.-]+", "\\p{L}+")) {
            assertNotNull(LinearRegexSubset.of(pattern, null), pattern);
        }
        for (String pattern : List.of("(a)\\1", "(?=b)", "[[a-z]&&[^b]]", "((a{1000}){1000}){1000}", "\\v", "\\Z",
                "(?U)a", "(?x)a")) {
            assertNull(LinearRegexSubset.of(pattern, null), pattern);
        }
        assertNull(LinearRegexSubset.of("a b", "x"));
    }

    private static ExprList args(String input, String pattern, String flags) {
        List<Expr> args = new ArrayList<>(List.of(NodeValue.makeString(input), NodeValue.makeString(pattern)));
        args.add(NodeValue.makeString(flags));
        return new ExprList(args);
    }

    /** The value as a string, or "error" for any failure: the kinds of failure are Jena's to word. */
    private static String outcome(Callable<NodeValue> eval) {
        try {
            return eval.call().asNode().toString();
        } catch (Exception e) {
            return "error";
        }
    }
}
