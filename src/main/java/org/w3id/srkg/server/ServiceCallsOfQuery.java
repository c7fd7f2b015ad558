package org.w3id.srkg.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * What one query's SERVICE calls have done so far, kept in the query's own context: how many calls it made, the
 * first call that failed, and the complete answers of small calls, so that a call the query repeats (ARQ calls
 * SERVICE once per joined row, and rows often share the joined value) is answered without calling again.
 * <p>
 * A failure must end the query, and ARQ does not always let it: {@code FILTER EXISTS} logs any exception of its
 * pattern and counts it as "no match", which would turn a remote that timed out into a silently wrong result (and
 * let the query go on calling). So a failure is recorded here and the query cancelled; the servlet then answers
 * with the recorded failure, whatever exception the cancelled query ended with.
 */
final class ServiceCallsOfQuery {

    private static final Symbol KEY = Symbol.create("https://w3id.org/srkg/server#serviceCallsOfQuery");

    /**
     * Most rows remembered for one query, over all its answers: the memory repeated calls may cost. Joins by an
     * identifier get a few rows an answer; an answer that would pass this is not remembered but called again.
     */
    static final int MAX_REMEMBERED_ROWS = 10_000;

    private final AtomicInteger calls = new AtomicInteger();
    private final Map<List<String>, List<Binding>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger rememberedRows = new AtomicInteger();
    private volatile ServiceCallException failure;

    private ServiceCallsOfQuery() {
    }

    /**
     * Gives the query about to run with {@code context} a record of its own. ARQ copies the context of a query
     * before evaluating it, so a record created during evaluation would not be seen by whoever holds the query.
     */
    static ServiceCallsOfQuery attach(Context context) {
        ServiceCallsOfQuery record = new ServiceCallsOfQuery();
        context.set(KEY, record);
        return record;
    }

    /** The record of the query evaluated with {@code context}, a new one if none was attached. */
    static ServiceCallsOfQuery of(Context context) {
        synchronized (context) {
            ServiceCallsOfQuery record = context.get(KEY);
            if (record == null) {
                record = new ServiceCallsOfQuery();
                context.set(KEY, record);
            }
            return record;
        }
    }

    /** The first failed call, or null. */
    ServiceCallException failure() {
        return failure;
    }

    /** Counts a call; returns the calls made so far, this one included. */
    int count() {
        return calls.incrementAndGet();
    }

    /** The complete answer of an earlier call of {@code query} to {@code target}, or null. */
    List<Binding> answered(String target, String query) {
        return answers.get(List.of(target, query));
    }

    /** Collects the rows of a call of {@code query} to {@code target} as they are read, to remember them. */
    Answer answering(String target, String query) {
        return new Answer(List.of(target, query));
    }

    /** Records {@code e} (unless an earlier failure was), cancels the query, and returns {@code e} to throw. */
    synchronized ServiceCallException fail(ServiceCallException e, AtomicBoolean cancelSignal) {
        if (failure == null) {
            failure = e;
        }
        if (cancelSignal != null) {
            cancelSignal.set(true);
        }
        return e;
    }

    /** The rows of one call, remembered once all were read, if they fit in what is left of the query's share. */
    final class Answer {
        private final List<String> key;
        private List<Binding> rows = new ArrayList<>();

        private Answer(List<String> key) {
            this.key = key;
        }

        Binding add(Binding row) {
            if (rows != null) {
                if (rememberedRows.incrementAndGet() > MAX_REMEMBERED_ROWS) {
                    rememberedRows.addAndGet(-rows.size() - 1);
                    rows = null;
                } else {
                    rows.add(row);
                }
            }
            return row;
        }

        void complete() {
            if (rows != null) {
                answers.put(key, List.copyOf(rows));
                rows = null;
            }
        }

        /** The answer is incomplete (a failure SILENT ignores): it is not remembered. */
        void discard() {
            if (rows != null) {
                rememberedRows.addAndGet(-rows.size());
                rows = null;
            }
        }

        ServiceCallException fail(ServiceCallException e, AtomicBoolean cancelSignal) {
            discard();
            return ServiceCallsOfQuery.this.fail(e, cancelSignal);
        }
    }
}
