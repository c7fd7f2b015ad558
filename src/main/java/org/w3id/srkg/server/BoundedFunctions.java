package org.w3id.srkg.server;

import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.util.Context;

/**
 * Bounds the evaluation of each function call of the queries run with a context (the served dataset's): the one
 * call that could otherwise run past the query's timeout or fill the heap. Before ARQ's optimizer (which folds
 * constants, so it evaluates calls too) it replaces
 * <ul>
 * <li>REGEX and fn:matches by {@link BoundedRegex}, REPLACE and fn:replace by {@link BoundedReplace}: matching in
 * linear time, or ended by the timeout ({@link BoundedPattern});</li>
 * <li>CONCAT by {@link BoundedConcat}, other registered functions by {@link CappedCall}, and UCASE, LCASE,
 * ENCODE_FOR_URI by themselves wrapped in {@link CappedString}: no string longer than {@link StringCap}.</li>
 * </ul>
 * Calls inside SERVICE are left alone: they are sent as text to another endpoint, which evaluates them.
 */
final class BoundedFunctions extends ExprTransformCopy {

    private static final String FN = ARQConstants.fnPrefix;

    private BoundedFunctions() {
    }

    /** Runs the replacement ahead of the context's optimizer (such as {@link ServiceGuard}'s), keeping it. */
    static void install(Context context) {
        RewriteFactory optimizer = context.get(ARQConstants.sysOptimizerFactory, Optimize.getFactory());
        context.set(ARQConstants.sysOptimizerFactory, (RewriteFactory) cxt -> {
            Rewrite rewrite = optimizer.create(cxt);
            return op -> rewrite.rewrite(bound(op));
        });
    }

    static Op bound(Op op) {
        return Transformer.transformSkipService(new TransformCopy(), new BoundedFunctions(), op);
    }

    @Override
    public Expr transform(ExprFunction1 func, Expr arg) {
        Expr copy = super.transform(func, arg);
        if (func instanceof E_StrUpperCase || func instanceof E_StrLowerCase || func instanceof E_StrEncodeForURI) {
            return new CappedString(copy);
        }
        return copy;
    }

    @Override
    public Expr transform(ExprFunctionN func, ExprList args) {
        if (func instanceof E_Regex) {
            return new BoundedRegex(args);
        }
        if (func instanceof E_StrReplace) {
            return new BoundedReplace(args);
        }
        if (func instanceof E_StrConcat) {
            return new BoundedConcat(args);
        }
        if (func instanceof E_Function call && !(func instanceof CappedCall)) {
            String iri = call.getFunctionIRI();
            if (iri.equals(FN + "matches") && (args.size() == 2 || args.size() == 3)) {
                return new BoundedRegex(args);
            }
            if (iri.equals(FN + "replace") && (args.size() == 3 || args.size() == 4)) {
                return new BoundedReplace(args);
            }
            return new CappedCall(iri, args);
        }
        return super.transform(func, args);
    }
}
