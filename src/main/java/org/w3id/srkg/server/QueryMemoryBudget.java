package org.w3id.srkg.server;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.util.Context;

/**
 * What ARQ itself can bound of one query's memory, set on the served dataset's context.
 * <ul>
 * <li>{@code ORDER BY} (without a LIMIT below 1,000, which ARQ evaluates as a bounded top-N) and {@code DISTINCT}
 * keep at most {@value #SPILL_THRESHOLD} rows in memory and spill the rest to sorted temporary files, deleted when
 * the query ends. Without it an ORDER BY over a cross product held every row, and ARQ's in-memory sort of them
 * cannot be cancelled, so the timeout did not stop it either; spilled, the sort proceeds in chunks the timeout
 * interrupts. {@code REDUCED} holds a fixed window anyway. ARQ spills nothing else: {@code GROUP BY} keys and their
 * accumulators (COUNT(DISTINCT) sets, GROUP_CONCAT strings), the hash tables of joins, OPTIONAL and MINUS stay in
 * memory; {@link QueryHeapGuard} is what bounds those.</li>
 * <li>{@code GROUP_CONCAT} is capped, see {@link GroupConcatCap}.</li>
 * </ul>
 */
final class QueryMemoryBudget {

    /**
     * Rows an ORDER BY or DISTINCT holds before spilling: a few MB of bindings, above any sort or DISTINCT an honest
     * query over srkg makes (the whole graph is about 17,000 quads), so those never touch the disk.
     */
    static final long SPILL_THRESHOLD = 50_000;

    private QueryMemoryBudget() {
    }

    /** Call after {@link ServiceGuard#install}: the GROUP_CONCAT rewrite wraps the optimizer set there. */
    static void install(Context context) {
        context.set(ARQ.spillToDiskThreshold, SPILL_THRESHOLD);
        RewriteFactory current = context.get(ARQConstants.sysOptimizerFactory);
        RewriteFactory optimizer = current != null ? current : Optimize.getFactory();
        context.set(ARQConstants.sysOptimizerFactory, (RewriteFactory) cxt -> {
            Rewrite rewrite = optimizer.create(cxt);
            return op -> rewrite.rewrite(GroupConcatCap.apply(op));
        });
    }
}
