package org.w3id.srkg.server;

import org.apache.jena.query.QueryExecException;

/**
 * A SERVICE call that failed, with the HTTP status srkg answers for it: 502 when the endpoint answered badly, 504
 * when it did not answer in the query's time, 422 when the call would break one of this server's limits. The message
 * names the endpoint as the query did, never the URL a mapping sends the call to.
 * <p>
 * Not an {@link org.apache.jena.sparql.expr.ExprEvalException}, so a call failing inside {@code FILTER EXISTS} fails
 * the query instead of making the filter false.
 */
final class ServiceCallException extends QueryExecException {

    static final int BAD_GATEWAY = 502;
    static final int GATEWAY_TIMEOUT = 504;
    static final int OVER_LIMIT = 422;

    private final int status;

    ServiceCallException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** A failure of the remote endpoint, which {@code SERVICE SILENT} may ignore; this server's limits it may not. */
    boolean isRemoteFailure() {
        return status != OVER_LIMIT;
    }

    /** The {@code ServiceCallException} that {@code e} is or was caused by, or null. */
    static ServiceCallException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceCallException call) {
                return call;
            }
        }
        return null;
    }
}
