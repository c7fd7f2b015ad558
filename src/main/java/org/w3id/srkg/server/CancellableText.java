package org.w3id.srkg.server;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * A string as a regular-expression engine reads it, which ends the reading with {@link QueryCancelledException}
 * (Fuseki's 503 "Query timed out") once the query is cancelled. ARQ's timeout only raises the query's cancel
 * signal and leaves each iterator to notice it between rows; a single {@code java.util.regex} match can backtrack
 * for years without returning to an iterator, but it reads its input on every step, so checking here bounds it.
 */
final class CancellableText implements CharSequence {

    /** Reads between two looks at the signal: a look is cheap, but not free on every character of a backtrack. */
    private static final int CHECK_EVERY = 1 << 10;

    private final String text;
    private final AtomicBoolean cancelled;
    private int reads;

    CancellableText(String text, AtomicBoolean cancelled) {
        this.text = text;
        this.cancelled = cancelled;
    }

    /** The cancel signal of the query a function is evaluated for; one never raised outside a query. */
    static AtomicBoolean signal(FunctionEnv env) {
        AtomicBoolean signal = null;
        if (env instanceof ExecutionContext execution) {
            signal = execution.getCancelSignal();
        } else if (env != null) {
            signal = Context.getCancelSignal(env.getContext());
        }
        return signal != null ? signal : new AtomicBoolean();
    }

    @Override
    public char charAt(int index) {
        if (++reads >= CHECK_EVERY) {
            reads = 0;
            if (cancelled.get()) {
                throw new QueryCancelledException();
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
