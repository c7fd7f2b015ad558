package org.w3id.srkg.server;

import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Enforces a {@link ServiceAllowlist} on every query run with a given context (a dataset's, for Fuseki).
 * <p>
 * Jena calls any {@code SERVICE} URL by default. Two checks close that, both throwing
 * {@link org.apache.jena.query.QueryDeniedException}, which Fuseki answers with 422 and the message:
 * <ul>
 * <li>before execution, every {@code SERVICE} in the query's algebra, including inside {@code EXISTS}, nested
 * {@code OPTIONAL} and {@code UNION}, is checked when the query is planned. Many SERVICE calls run lazily, per row;
 * without this a denied call late in a {@code UNION} would fail after the 200 and the first rows were sent;</li>
 * <li>at each call, this executor is the first link of the context's own executor chain, ahead of the
 * {@link ServiceCallExecutor} that makes the call (to the mapped target URL), so no request leaves unchecked (and
 * {@code SERVICE SILENT} cannot swallow the denial, which the call executor would).</li>
 * </ul>
 * SERVICE calls use an HTTP client that does not follow redirects: an allowed endpoint must not be able to bounce a
 * call to an address that is not. How long a call may take, how much it may read, and how many calls a query may
 * make: {@link ServiceCallExecutor}.
 */
public final class ServiceGuard implements ChainingServiceExecutor {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ServiceAllowlist allowlist;

    private ServiceGuard(ServiceAllowlist allowlist) {
        this.allowlist = allowlist;
    }

    /**
     * Installs the allowlist on {@code context}, replacing any SERVICE executors set there or globally; calls are
     * bounded by {@code limits}.
     */
    public static void install(ServiceAllowlist allowlist, QueryLimits limits, Context context) {
        ServiceGuard guard = new ServiceGuard(allowlist);
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        registry.add(new ServiceCallExecutor(allowlist, limits, client));
        registry.addSingleLink(guard);
        ServiceExecutorRegistry.set(context, registry);

        RewriteFactory optimizer = Optimize.getFactory();
        context.set(ARQConstants.sysOptimizerFactory, (RewriteFactory) cxt -> {
            Rewrite rewrite = optimizer.create(cxt);
            return op -> rewrite.rewrite(guard.checkAll(op));
        });
        // Jena's own HTTP code (none of it makes SERVICE calls now) gets the same client.
        context.set(ARQ.httpQueryClient, client);
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
            ExecutionContext execCxt, ServiceExecutor chain) {
        allowlist.targetFor(opExecute.getService());
        return chain.createExecution(opExecute, opOriginal, binding, execCxt);
    }

    private Op checkAll(Op op) {
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                allowlist.targetFor(service.getService());
            }
        });
        return op;
    }
}
