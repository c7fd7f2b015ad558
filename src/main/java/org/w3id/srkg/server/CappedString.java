package org.w3id.srkg.server;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * A function whose result may be longer than its argument by a constant factor (UCASE, LCASE, ENCODE_FOR_URI),
 * its result checked against {@link StringCap}: nested, such functions multiply ({@code ENCODE_FOR_URI} of
 * {@code "%"} triples at each level).
 */
final class CappedString extends ExprFunction1 {

    CappedString(Expr function) {
        super(function, "capped");
    }

    @Override
    public NodeValue eval(NodeValue value) {
        return StringCap.check(value);
    }

    @Override
    public Expr copy(Expr function) {
        return new CappedString(function);
    }
}
