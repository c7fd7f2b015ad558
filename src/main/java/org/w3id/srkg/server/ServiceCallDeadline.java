package org.w3id.srkg.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When one SERVICE call must give up: at the end of its query's time, or as soon as the query is cancelled (by
 * its timeout, which a client's {@code ?timeout=} may have shortened, or because it ended). Waits on the network are
 * cut into short polls so either is noticed within {@link #POLL}.
 */
final class ServiceCallDeadline {

    /** How late a cancelled query's call notices; short against any timeout, long against a busy loop. */
    static final Duration POLL = Duration.ofMillis(50);

    private final String endpoint;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final AtomicBoolean cancelled;

    /**
     * @param endpoint  the endpoint as the query names it, for messages
     * @param remaining the query's time left
     * @param cancelled the query's cancel signal, or null
     */
    ServiceCallDeadline(String endpoint, Duration remaining, AtomicBoolean cancelled) {
        this.endpoint = endpoint;
        this.deadlineNanos = startNanos + remaining.toNanos();
        this.cancelled = cancelled == null ? new AtomicBoolean() : cancelled;
    }

    String endpoint() {
        return endpoint;
    }

    boolean passed() {
        return cancelled.get() || remainingNanos() <= 0;
    }

    /** Time left, at least a millisecond (a zero timeout means "none" to some APIs). */
    Duration remaining() {
        return Duration.ofNanos(Math.max(remainingNanos(), 1_000_000));
    }

    /** How long to wait before looking at the deadline again. */
    long pollNanos() {
        return Math.max(1, Math.min(POLL.toNanos(), remainingNanos()));
    }

    /** The failure of a call that has {@link #passed}; {@code what} is what did not arrive, e.g. "no answer". */
    ServiceCallException expired(String what) {
        long seconds = Math.max(1, Math.round((System.nanoTime() - startNanos) / 1e9));
        return new ServiceCallException(ServiceCallException.GATEWAY_TIMEOUT,
                what + " from " + endpoint + " within " + seconds + " s, the time left to the query");
    }

    private long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }
}
