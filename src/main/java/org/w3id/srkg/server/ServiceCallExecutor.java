package org.w3id.srkg.server;

import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.Rename;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIter;
import org.apache.jena.sparql.engine.iterator.QueryIterCommonParent;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Makes a SERVICE call to an allowed endpoint, in place of Jena's {@code ServiceExecutorHttp}, which gives a call
 * its own fixed timeouts (not the query's), retries a GET on a dropped connection, and reads the whole answer into
 * memory before the first row is used. Here:
 * <ul>
 * <li>a call's whole budget (connect, answer, body) is the query's time left, and it gives up as soon as the query is
 * cancelled (timeout, a client's shorter {@code ?timeout=}, or the query ended), closing the connection;</li>
 * <li>the query goes as a POST form, which the JDK client never resends on its own (it resends an idempotent GET
 * whose pooled connection was found closed; a refused connection is retried once, but nothing reached the remote);
 * redirects are not followed;</li>
 * <li>the answer (SPARQL JSON or XML) is parsed as it arrives, row by row; an answer longer than the row cap is
 * refused once the cap is passed, before the rest is read, since cutting it would silently join with part of it;</li>
 * <li>a query may make at most {@value #MAX_CALLS_PER_QUERY} calls: ARQ calls SERVICE once per row it is joined
 * with (and per row tested by {@code FILTER EXISTS}), so a query over many rows would otherwise hammer the remote;</li>
 * <li>every failure is a {@link ServiceCallException} naming the endpoint as the query did, never its mapped target.</li>
 * </ul>
 * {@code SERVICE SILENT} ignores failures of the remote (as the plain executor does), never this server's limits.
 */
final class ServiceCallExecutor implements ServiceExecutor {

    /**
     * Most SERVICE calls one query may make. The federated examples make at most 49 over the repository's seeds
     * (237 before repeated calls were answered from {@link ServiceCallsOfQuery}); 200 calls to a public endpoint
     * within one query's 30 s is already more than its operators like from one client.
     */
    static final int MAX_CALLS_PER_QUERY = 200;

    private static final String ACCEPT = WebContent.contentTypeResultsJSON + ", "
            + WebContent.contentTypeResultsXML + ";q=0.9";
    private static final String USER_AGENT = "srkg (SERVICE call)";

    private final ServiceAllowlist allowlist;
    private final int maxRows;
    private final Duration timeout;
    private final HttpClient client;

    ServiceCallExecutor(ServiceAllowlist allowlist, QueryLimits limits, HttpClient client) {
        this.allowlist = allowlist;
        this.maxRows = limits.maxRows();
        this.timeout = limits.timeout();
        this.client = client;
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
            ExecutionContext execCxt) {
        String endpoint = opExecute.getService().getURI();
        String target = allowlist.targetFor(opExecute.getService());
        ServiceCallsOfQuery calls = ServiceCallsOfQuery.of(execCxt.getContext());
        Op restored = Rename.reverseVarRename(opExecute.getSubOp(), true);
        String query = OpAsQuery.asQuery(restored).toString();
        Map<Var, Var> renames = renames(opExecute, restored);
        List<Binding> answered = calls.answered(target, query);
        if (answered != null) {
            return joined(QueryIterPlainWrapper.create(answered.iterator(), execCxt), renames, binding, execCxt);
        }
        if (calls.count() > MAX_CALLS_PER_QUERY) {
            throw calls.fail(new ServiceCallException(ServiceCallException.OVER_LIMIT, "The query needs more than "
                    + MAX_CALLS_PER_QUERY + " SERVICE calls, this server's limit per query. SERVICE is called once"
                    + " for each row it joins with (or each row a FILTER EXISTS tests): narrow the rows first, or"
                    + " move the pattern into one SERVICE call."), execCxt.getCancelSignal());
        }
        ServiceCallDeadline deadline = new ServiceCallDeadline(endpoint, remaining(execCxt.getContext()),
                execCxt.getCancelSignal());
        QueryIterator rows;
        try {
            rows = call(target, query, deadline, opExecute.getSilent(), calls, execCxt);
        } catch (ServiceCallException e) {
            if (!(opExecute.getSilent() && e.isRemoteFailure())) {
                throw calls.fail(e, execCxt.getCancelSignal());
            }
            // Joined with the input row below, the empty row gives back the input alone, as SILENT asks.
            rows = QueryIterSingleton.create(BindingFactory.empty(), execCxt);
        }
        return joined(rows, renames, binding, execCxt);
    }

    /** The remote rows under the query's own variable names, each joined with the input row. */
    private static QueryIterator joined(QueryIterator rows, Map<Var, Var> renames, Binding binding,
            ExecutionContext execCxt) {
        return new QueryIterCommonParent(renames == null ? rows : QueryIter.map(rows, renames), binding, execCxt);
    }

    /** The query's time left: this server's timeout since the query started (a shorter client one cancels it). */
    private Duration remaining(Context context) {
        Object now = context.get(ARQConstants.sysCurrentTime);
        if (!(now instanceof Node started)) {
            return timeout;
        }
        long startMillis = NodeValue.makeNode(started).getDateTime().toGregorianCalendar().getTimeInMillis();
        return timeout.minusMillis(System.currentTimeMillis() - startMillis);
    }

    private QueryIterator call(String target, String query, ServiceCallDeadline deadline, boolean silent,
            ServiceCallsOfQuery calls, ExecutionContext execCxt) {
        if (deadline.passed()) {
            throw deadline.expired("no answer");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(target))
                .timeout(deadline.remaining())
                .header("Accept", ACCEPT)
                .header("User-Agent", USER_AGENT)
                .header("Content-Type", WebContent.contentTypeHTMLForm)
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        ServiceResponseBody body = new ServiceResponseBody(deadline);
        HttpResponse<InputStream> response = await(client.sendAsync(request, info -> body), body, deadline);
        int status = response.statusCode();
        if (status / 100 != 2) {
            body.close();
            throw new ServiceCallException(ServiceCallException.BAD_GATEWAY, deadline.endpoint()
                    + " answered with HTTP status " + status
                    + (status / 100 == 3 ? " (a redirect, which SERVICE calls do not follow)" : ""));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("")
                .split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        Lang lang = contentType.equals(WebContent.contentTypeResultsXML) ? ResultSetLang.RS_XML
                : contentType.equals(WebContent.contentTypeResultsJSON) ? ResultSetLang.RS_JSON : null;
        if (lang == null) {
            body.close();
            throw new ServiceCallException(ServiceCallException.BAD_GATEWAY, deadline.endpoint()
                    + " answered with content type '" + contentType + "', not SPARQL results in JSON or XML");
        }
        try {
            RowSet rows = RowSetReaderRegistry.createReader(lang).read(body, execCxt.getContext());
            return new RowsIterator(rows, body, deadline, silent, calls.answering(target, query), execCxt);
        } catch (RuntimeException e) {
            body.close();
            throw unreadable(e, body, deadline);
        }
    }

    private static HttpResponse<InputStream> await(CompletableFuture<HttpResponse<InputStream>> pending,
            ServiceResponseBody body, ServiceCallDeadline deadline) {
        try {
            while (true) {
                if (deadline.passed()) {
                    pending.cancel(true);
                    body.close();
                    throw deadline.expired("no answer");
                }
                try {
                    return pending.get(deadline.pollNanos(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Look at the deadline again.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw deadline.expired("no answer");
        } catch (ExecutionException e) {
            throw failed(e.getCause(), deadline);
        }
    }

    /** Named by kind only: the JDK's own messages can name the mapped target's address. */
    private static ServiceCallException failed(Throwable cause, ServiceCallDeadline deadline) {
        if (cause instanceof HttpConnectTimeoutException) {
            return deadline.expired("no connection");
        }
        if (cause instanceof HttpTimeoutException) {
            return deadline.expired("no answer");
        }
        String why = cause instanceof ConnectException ? "the connection was refused"
                : "the call failed (" + cause.getClass().getSimpleName() + ")";
        return new ServiceCallException(ServiceCallException.BAD_GATEWAY, "SERVICE " + deadline.endpoint() + ": "
                + why);
    }

    private static ServiceCallException unreadable(RuntimeException e, ServiceResponseBody body,
            ServiceCallDeadline deadline) {
        ServiceCallException known = body.failure() != null ? body.failure() : ServiceCallException.find(e);
        return known != null ? known : new ServiceCallException(ServiceCallException.BAD_GATEWAY,
                "the answer of " + deadline.endpoint() + " is not readable SPARQL results: " + e.getMessage());
    }

    /**
     * ARQ renames variables hidden by scopes (a sub-select, say) before the call; the remote query has the
     * original names, which its rows must be given back. Null when nothing was renamed.
     */
    private static Map<Var, Var> renames(OpService service, Op restored) {
        if (restored.equals(service.getSubOp())) {
            return null;
        }
        Set<Var> remote = OpVars.visibleVars(restored);
        Map<Var, Var> renames = new HashMap<>();
        for (Var local : OpVars.visibleVars(service)) {
            Var original = Var.alloc(local.getName().substring(local.getName().lastIndexOf('/') + 1));
            if (remote.contains(original)) {
                renames.put(original, local);
            }
        }
        return renames;
    }

    /** The rows of one call as they are parsed, failing past the row cap or with the call. */
    private final class RowsIterator extends QueryIter {

        private final RowSet rows;
        private final ServiceResponseBody body;
        private final ServiceCallDeadline deadline;
        private final boolean silent;
        private final ServiceCallsOfQuery.Answer answer;
        private int delivered;
        private boolean silencedFailure;

        RowsIterator(RowSet rows, ServiceResponseBody body, ServiceCallDeadline deadline, boolean silent,
                ServiceCallsOfQuery.Answer answer, ExecutionContext execCxt) {
            super(execCxt);
            this.answer = answer;
            this.rows = rows;
            this.body = body;
            this.deadline = deadline;
            this.silent = silent;
        }

        @Override
        protected boolean hasNextBinding() {
            if (silencedFailure) {
                return delivered == 0;
            }
            boolean more;
            try {
                more = rows.hasNext();
            } catch (RuntimeException e) {
                closeIterator();
                ServiceCallException failure = unreadable(e, body, deadline);
                if (silent && failure.isRemoteFailure()) {
                    answer.discard();
                    silencedFailure = true;
                    return delivered == 0;
                }
                throw answer.fail(failure, getExecContext().getCancelSignal());
            }
            if (more && delivered >= maxRows) {
                closeIterator();
                throw answer.fail(new ServiceCallException(ServiceCallException.OVER_LIMIT, deadline.endpoint()
                        + " answered more than " + maxRows + " rows, this server's row cap. Ask it for fewer"
                        + " (a LIMIT inside the SERVICE pattern)."), getExecContext().getCancelSignal());
            }
            if (!more) {
                answer.complete();
            }
            return more;
        }

        @Override
        protected Binding moveToNextBinding() {
            if (silencedFailure) {
                delivered++;
                return BindingFactory.empty();
            }
            delivered++;
            return answer.add(rows.next());
        }

        @Override
        protected void closeIterator() {
            body.close();
            rows.close();
        }

        /**
         * Called on the timer's thread, while the query's thread may be parsing: the parser is not closed under it.
         * The body's reads poll the cancel signal, which is already set, and end the call within a poll.
         */
        @Override
        protected void requestCancel() {
        }
    }
}
