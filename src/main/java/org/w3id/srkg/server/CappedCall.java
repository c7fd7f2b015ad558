package org.w3id.srkg.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * A call of a registered function ({@code fn:}, {@code afn:}) with its string result checked against
 * {@link StringCap}. Three can make, in one call, a string many times longer than the cap, so they are computed
 * here, as Jena's functions compute them, once the result's length is known to fit: {@code fn:concat},
 * {@code afn:strjoin} (a separator repeated per argument) and {@code afn:sprintf} (a width such as {@code %999999999s},
 * or one argument named by many {@code %1$s}).
 */
final class CappedCall extends E_Function {

    private static final String FN_CONCAT = ARQConstants.fnPrefix + "concat";

    /** A format specifier of {@link java.util.Formatter}: index, flags, width, precision, conversion. */
    private static final Pattern SPECIFIER =
            Pattern.compile("%(\\d+\\$|<)?[-#+ 0,(]*(\\d+)?(\\.\\d+)?[tT]?[a-zA-Z%]");

    /** Room for any one conversion beside width, precision and the argument's own text (signs, exponents, dates). */
    private static final int CONVERSION_SLACK = 64;

    CappedCall(String iri, ExprList args) {
        super(iri, args);
    }

    @Override
    public NodeValue evalSpecial(Binding binding, FunctionEnv env) {
        String iri = getFunctionIRI();
        if (iri.equals(FN_CONCAT)) {
            List<NodeValue> values = evalArgs(binding, env);
            StringCap.check(values.stream().mapToLong(v -> v.asString().length()).sum());
            return XSDFuncOp.fnConcat(values);
        }
        if (isLibrary(iri, "strjoin") && numArgs() >= 1) {
            List<NodeValue> values = evalArgs(binding, env);
            List<String> parts = values.subList(1, values.size()).stream().map(NodeValue::asString).toList();
            String separator = values.get(0).asString();
            StringCap.check(parts.stream().mapToLong(String::length).sum()
                    + (long) separator.length() * Math.max(0, parts.size() - 1));
            return NodeValue.makeString(String.join(separator, parts));
        }
        if (isLibrary(iri, "sprintf") && numArgs() >= 2) {
            List<NodeValue> values = evalArgs(binding, env);
            StringCap.check(sprintfBound(values));
            return XSDFuncOp.javaSprintf(values.get(0), values.subList(1, values.size()));
        }
        return StringCap.check(super.evalSpecial(binding, env));
    }

    private static boolean isLibrary(String iri, String name) {
        return iri.equals(ARQConstants.ARQFunctionLibraryURI + name)
                || iri.equals(ARQConstants.ARQFunctionLibraryURI_Jena2 + name);
    }

    private List<NodeValue> evalArgs(Binding binding, FunctionEnv env) {
        List<NodeValue> values = new ArrayList<>(numArgs());
        for (Expr arg : getArgs()) {
            values.add(arg.eval(binding, env));
        }
        return values;
    }

    /** At most how long {@code String.format} makes a result: each specifier gives its width, precision and argument. */
    static long sprintfBound(List<NodeValue> values) {
        String format = values.get(0).asString();
        long longestArgument = values.stream().skip(1).mapToLong(v -> v.asString().length()).max().orElse(0);
        long bound = format.length();
        Matcher specifier = SPECIFIER.matcher(format);
        while (specifier.find()) {
            bound += number(specifier.group(2)) + number(specifier.group(3)) + longestArgument + CONVERSION_SLACK;
        }
        return bound;
    }

    private static long number(String digits) {
        if (digits == null) {
            return 0;
        }
        String d = digits.startsWith(".") ? digits.substring(1) : digits;
        return d.length() > 12 ? Long.MAX_VALUE / 4 : Long.parseLong(d);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        throw new ExprEvalException("function is evaluated with the query's context");
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new CappedCall(getFunctionIRI(), newArgs);
    }
}
