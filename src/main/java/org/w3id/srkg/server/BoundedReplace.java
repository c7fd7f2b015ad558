package org.w3id.srkg.server;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.sse.Tags;

/**
 * SPARQL REPLACE (and fn:replace) as Jena's {@code E_StrReplace} and {@code XSDFuncOp.strReplace} answer it, with
 * the matching bounded by {@link BoundedPattern} and the result by {@link StringCap}.
 */
final class BoundedReplace extends ExprFunctionN {

    /** Compiled once when the pattern and flags are constant strings, as Jena does. */
    private final BoundedPattern constant;

    BoundedReplace(ExprList args) {
        super(Tags.tagReplace, args);
        Expr pattern = getArg(2);
        Expr flags = getArg(4);
        constant = isString(pattern) && (flags == null || isString(flags))
                ? BoundedPattern.compile("REPLACE", pattern.getConstant().getString(),
                        flags == null ? null : flags.getConstant().getString())
                : null;
    }

    private static boolean isString(Expr expr) {
        return expr.isConstant() && expr.getConstant().isString();
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
        BoundedPattern pattern = constant;
        if (pattern == null) {
            String regex = NodeValueOps.checkAndGetStringLiteral("replace", args.get(1)).getLiteralLexicalForm();
            String flags = args.size() == 4
                    ? NodeValueOps.checkAndGetStringLiteral("replace", args.get(3)).getLiteralLexicalForm()
                    : null;
            pattern = BoundedPattern.compile("replace", regex, flags);
        }
        Node text = NodeValueOps.checkAndGetStringLiteral("replace", args.get(0));
        String input = text.getLiteralLexicalForm();
        String replacement = NodeValueOps.checkAndGetStringLiteral("replace", args.get(2)).getLiteralLexicalForm();
        String replaced = pattern.replace(input, replacement, CancellableText.signal(env));
        if (replaced == null || replaced.equals(input)) {
            return args.get(0);
        }
        return NodeValue.makeNode(
                NodeFactory.createLiteral(replaced, text.getLiteralLanguage(), text.getLiteralDatatype()));
    }

    /** Only evaluated within a query, whose cancel signal bounds it; this leaves constant folding to run time. */
    @Override
    public NodeValue eval(List<NodeValue> args) {
        throw new ExprEvalException("REPLACE is evaluated with the query's context");
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new BoundedReplace(newArgs);
    }
}
