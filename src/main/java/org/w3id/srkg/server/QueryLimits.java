package org.w3id.srkg.server;

import java.time.Duration;

/**
 * What one request may cost the server. Defaults follow the large public endpoints: Wikidata stops a query at
 * 60 s, DBpedia caps rows; srkg is small, so 30 s and 100,000 rows are generous for every honest query.
 *
 * @param timeout         longest a query may run; a client's {@code ?timeout=} may lower it, never raise it
 * @param maxRows         most rows (SELECT), triples (CONSTRUCT, DESCRIBE) or items (JSON) a response holds
 * @param maxRequestBytes largest request body (a POSTed query or form)
 */
public record QueryLimits(Duration timeout, int maxRows, long maxRequestBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ROWS = 100_000;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    public static final QueryLimits DEFAULTS = new QueryLimits(DEFAULT_TIMEOUT, DEFAULT_MAX_ROWS, DEFAULT_MAX_REQUEST_BYTES);

    public QueryLimits {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        if (maxRequestBytes < 1 || maxRequestBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxRequestBytes must be between 1 and 2 GiB: " + maxRequestBytes);
        }
    }

    public QueryLimits withTimeout(Duration newTimeout) {
        return new QueryLimits(newTimeout, maxRows, maxRequestBytes);
    }

    public QueryLimits withMaxRows(int newMaxRows) {
        return new QueryLimits(timeout, newMaxRows, maxRequestBytes);
    }
}
