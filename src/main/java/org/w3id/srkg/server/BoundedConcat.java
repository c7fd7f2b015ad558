package org.w3id.srkg.server;

import java.util.List;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.sse.Tags;

/**
 * SPARQL CONCAT as Jena answers it ({@link XSDFuncOp#strConcat}), refused by {@link StringCap} before it builds a
 * result longer than the cap: the length of a concatenation is known from its arguments.
 */
final class BoundedConcat extends ExprFunctionN {

    BoundedConcat(ExprList args) {
        super(Tags.tagConcat, args);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        StringCap.check(totalLength(args));
        return XSDFuncOp.strConcat(args);
    }

    /** The characters of the arguments that are literals; the others are Jena's errors to raise. */
    static long totalLength(List<NodeValue> args) {
        long total = 0;
        for (NodeValue arg : args) {
            if (arg.isLiteral()) {
                total += arg.asNode().getLiteralLexicalForm().length();
            }
        }
        return total;
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new BoundedConcat(newArgs);
    }
}
