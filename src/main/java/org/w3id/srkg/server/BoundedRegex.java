package org.w3id.srkg.server;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.sse.Tags;
import org.apache.jena.sparql.util.FmtUtils;

/** SPARQL REGEX (and fn:matches) as Jena's {@code E_Regex} answers it, with every match bounded: {@link BoundedPattern}. */
final class BoundedRegex extends ExprFunctionN {

    private static final String FLAGS = "smixq";

    /** Compiled once when the pattern and flags are constants, as Jena does. */
    private final BoundedPattern constant;

    BoundedRegex(ExprList args) {
        super(Tags.tagRegex, args);
        Expr pattern = getArg(2);
        Expr flags = getArg(3);
        constant = pattern.isConstant() && pattern.getConstant().isString() && (flags == null || flags.isConstant())
                ? compile(pattern.getConstant(), flags == null ? null : flags.getConstant())
                : null;
    }

    private static BoundedPattern compile(NodeValue pattern, NodeValue flags) {
        if (!pattern.isString()) {
            throw new ExprException("REGEX: Pattern is not a string: " + pattern);
        }
        if (flags != null && !flags.isString()) {
            throw new ExprException("REGEX: Pattern flags are not a string: " + flags);
        }
        String f = flags == null ? null : flags.getString();
        if (f != null && !f.chars().allMatch(c -> FLAGS.indexOf(c) >= 0)) {
            throw new ExprEvalException(
                    "REGEX: Only 'smixq' are legal as pattern flags: got \"" + FmtUtils.stringEsc(f) + "\"");
        }
        return BoundedPattern.compile("Regex", pattern.getString(), f);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
        BoundedPattern pattern = constant != null ? constant
                : compile(args.get(1), args.size() == 2 ? null : args.get(2));
        return NodeValue.booleanReturn(
                pattern.find(text.getLiteralLexicalForm(), CancellableText.signal(env)));
    }

    /** Only evaluated within a query, whose cancel signal bounds it; this leaves constant folding to run time. */
    @Override
    public NodeValue eval(List<NodeValue> args) {
        throw new ExprEvalException("REGEX is evaluated with the query's context");
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new BoundedRegex(newArgs);
    }
}
