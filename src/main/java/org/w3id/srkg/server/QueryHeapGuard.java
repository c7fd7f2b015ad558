package org.w3id.srkg.server;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.web.HttpSC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.ThreadMXBean;

/**
 * Stops the one query that is filling the heap before the JVM runs out of memory for everybody.
 * <p>
 * ARQ bounds some operators by spilling (see {@link QueryMemoryBudget}), not grouping, joins' hash tables or a sort
 * below the spill threshold, and the row cap only bounds what is sent. So after every garbage collection this
 * guard looks at the heap still in use; past {@value #LIVE_HEAP_PERCENT}% of the maximum it aborts, as the timeout
 * does, the running query whose thread has allocated the most since it started (at least a tenth of the heap), and
 * that query is answered 503 with {@link #MESSAGE}. The others go on. One query at a time: after an abort, no other
 * is picked until the heap in use has dropped below the limit or a full collection still finds it above. An {@link OutOfMemoryError} that still strikes while a query is evaluated becomes that
 * query's 503 too, logged, and the server goes on serving.
 * <p>
 * Heap in use after a young collection still counts old garbage not yet collected, so the measure errs towards
 * acting; the margin left (a fifth of the heap) is what an honest load may use beyond the dataset itself. A heap that
 * the dataset alone fills past the limit makes every query allocating a tenth of it a candidate: size -Xmx for the
 * data.
 */
final class QueryHeapGuard {

    static final int LIVE_HEAP_PERCENT = 80;

    static final String MESSAGE = "Query used too much memory: the server's heap was nearly full and this query had"
            + " allocated the most; narrow the pattern, add LIMIT inside subqueries, or group by fewer keys";

    private static final String FULL_COLLECTION = "end of major GC";

    private static final Logger LOG = LoggerFactory.getLogger(QueryHeapGuard.class);

    /** One per JVM: garbage collections are. */
    private static final class Shared {
        static final QueryHeapGuard GUARD = new QueryHeapGuard();
    }

    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final long maxBytes = Runtime.getRuntime().maxMemory();
    private final long limitBytes = maxBytes / 100 * LIVE_HEAP_PERCENT;
    /** A query that has allocated less than a tenth of the heap in all cannot be what filled it. */
    private final long minimumCulpritBytes = maxBytes / 10;
    private boolean armed = true;

    private QueryHeapGuard() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        afterCollection(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                    }
                }, null, null);
            }
        }
    }

    static QueryHeapGuard shared() {
        return Shared.GUARD;
    }

    /** Evaluates a query on this thread under the guard: {@code evaluation} is to compute its whole result. */
    <T> T run(QueryExec exec, Supplier<T> evaluation) {
        Running query = new Running(Thread.currentThread().getId(), threads.getCurrentThreadAllocatedBytes(), exec);
        AtomicBoolean cancelled = Context.getOrSetCancelSignal(exec.getContext());
        running.add(query);
        try {
            return evaluation.get();
        } catch (OutOfMemoryError e) {
            LOG.warn("Out of memory evaluating a query, answered 503: {}", e.getMessage());
            throw new ActionErrorException(HttpSC.SERVICE_UNAVAILABLE_503, MESSAGE, null);
        } catch (RuntimeException e) {
            if (query.overBudget) {
                throw new ActionErrorException(HttpSC.SERVICE_UNAVAILABLE_503, MESSAGE, null);
            }
            // ARQ's spilling sort frees its buffer when cancelled, under the feet of the thread still adding to it:
            // a timeout then surfaces as a NullPointerException (Fuseki's 500) instead of the cancellation it is.
            if (cancelled.get() && !(e instanceof QueryException) && !(e instanceof ActionErrorException)) {
                throw new QueryCancelledException();
            }
            throw e;
        } finally {
            running.remove(query);
        }
    }

    private synchronized void afterCollection(GarbageCollectionNotificationInfo info) {
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey())).map(pool -> pool.getValue())
                .mapToLong(MemoryUsage::getUsed).sum();
        if (used < limitBytes) {
            armed = true;
            return;
        }
        // What an aborted query held stays in the old generation until G1 gets round to it, and young collections
        // go on counting it; only a full collection's figure is exact enough to pick a second query meanwhile.
        if (!armed && !FULL_COLLECTION.equals(info.getGcAction())) {
            return;
        }
        running.stream().filter(q -> allocatedSinceStart(q) >= minimumCulpritBytes)
                .max(Comparator.comparingLong(this::allocatedSinceStart)).ifPresent(heaviest -> {
                    armed = false;
                    heaviest.overBudget = true;
                    LOG.warn("Heap {} MB of {} MB in use after {}: aborting the query that allocated {} MB",
                            used >> 20, maxBytes >> 20, info.getGcName(), allocatedSinceStart(heaviest) >> 20);
                    heaviest.exec.abort();
                });
    }

    private long allocatedSinceStart(Running query) {
        return threads.getThreadAllocatedBytes(query.threadId) - query.allocatedAtStart;
    }

    private static final class Running {
        final long threadId;
        final long allocatedAtStart;
        final QueryExec exec;
        volatile boolean overBudget;

        Running(long threadId, long allocatedAtStart, QueryExec exec) {
            this.threadId = threadId;
            this.allocatedAtStart = allocatedAtStart;
            this.exec = exec;
        }
    }
}
