package org.w3id.srkg.server;

import java.util.List;

import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transform;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.optimize.ExprTransformApplyTransform;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * {@code GROUP_CONCAT} whose result may hold at most {@value #MAX_CHARS} characters. ARQ's own appends to one
 * StringBuilder without bound: over a cross product a single query grew it until the heap was gone, failing every
 * other request with it. A query whose concatenation would pass the cap fails with {@link QueryDeniedException}
 * (Fuseki's 422 with the message), rather than being cut: a silently shortened string would be a wrong answer.
 * <p>
 * The cap, 2^20 characters (at most 2 MiB in memory), is over twenty times the longest honest concatenation over
 * srkg (every label in the graph joined is 44,040 characters) and small enough that a few such strings in one
 * response are harmless; many groups each near the cap are left to {@link QueryHeapGuard}.
 */
final class GroupConcatCap {

    static final int MAX_CHARS = 1 << 20;

    private static final String DEFAULT_SEPARATOR = " ";

    private static final Transform SWAP = new TransformCopy() {
        @Override
        public Op transform(OpGroup group, Op sub) {
            List<ExprAggregator> aggregators = group.getAggregators().stream()
                    .map(a -> new ExprAggregator(a.getVar(), capped(a.getAggregator()))).toList();
            return OpGroup.create(sub, group.getGroupVars(), aggregators);
        }
    };

    private GroupConcatCap() {
    }

    /** {@code op} with every GROUP_CONCAT, including those inside EXISTS and subqueries, capped. */
    static Op apply(Op op) {
        return Transformer.transform(SWAP, new ExprTransformApplyTransform(SWAP), op);
    }

    private static Aggregator capped(Aggregator aggregator) {
        if (aggregator instanceof Capped || aggregator instanceof CappedDistinct) {
            return aggregator;
        }
        if (aggregator instanceof AggGroupConcatDistinct concat) {
            return new CappedDistinct(concat.getExprList().get(0), concat.getSeparator());
        }
        if (aggregator instanceof AggGroupConcat concat) {
            return new Capped(concat.getExprList().get(0), concat.getSeparator());
        }
        return aggregator;
    }

    // Subclasses keep ARQ's printing and equality; only the accumulator differs.
    private static final class Capped extends AggGroupConcat {
        Capped(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Capped(exprs.get(0), getSeparator());
        }

        @Override
        public Accumulator createAccumulator() {
            return new CappedAccumulator(getExpr(), false, getSeparator());
        }
    }

    private static final class CappedDistinct extends AggGroupConcatDistinct {
        CappedDistinct(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new CappedDistinct(exprs.get(0), getSeparator());
        }

        @Override
        public Accumulator createAccumulator() {
            return new CappedAccumulator(getExpr(), true, getSeparator());
        }
    }

    private static final class CappedAccumulator extends AccumulatorExpr {
        private final StringBuilder joined = new StringBuilder();
        private final String separator;
        private boolean first = true;

        CappedAccumulator(Expr expr, boolean distinct, String separator) {
            super(expr, distinct);
            this.separator = separator == null ? DEFAULT_SEPARATOR : separator;
        }

        @Override
        protected void accumulate(NodeValue value, Binding binding, FunctionEnv env) {
            String text = value.asString();
            long length = (long) joined.length() + (first ? 0 : separator.length()) + text.length();
            if (length > MAX_CHARS) {
                throw new QueryDeniedException("GROUP_CONCAT result longer than " + MAX_CHARS
                        + " characters; group by more variables, use DISTINCT or narrow the pattern");
            }
            if (!first) {
                joined.append(separator);
            }
            joined.append(text);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {
        }

        @Override
        protected NodeValue getAccValue() {
            return NodeValue.makeString(joined.toString());
        }
    }
}
