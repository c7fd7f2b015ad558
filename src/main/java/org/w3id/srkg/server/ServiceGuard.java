package org.w3id.srkg.server;

import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.jena.graph.NodeFactory;
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
import org.apache.jena.sparql.service.single.ServiceExecutorHttp;
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
 * <li>at each call, this executor is the first link of the context's own executor chain, ahead of the plain HTTP
 * executor, so no request leaves unchecked (and {@code SERVICE SILENT} cannot swallow the denial, which the HTTP
 * executor would); it also swaps in the mapped target URL.</li>
 * </ul>
 * SERVICE calls use an HTTP client that does not follow redirects: an allowed endpoint must not be able to bounce a
 * call to an address that is not.
 */
public final class ServiceGuard implements ChainingServiceExecutor {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ServiceAllowlist allowlist;

    private ServiceGuard(ServiceAllowlist allowlist) {
        this.allowlist = allowlist;
    }

    /** Installs the allowlist on {@code context}, replacing any SERVICE executors set there or globally. */
    public static void install(ServiceAllowlist allowlist, Context context) {
        ServiceGuard guard = new ServiceGuard(allowlist);
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        registry.add((ServiceExecutor) new ServiceExecutorHttp());
        registry.addSingleLink(guard);
        ServiceExecutorRegistry.set(context, registry);

        RewriteFactory optimizer = Optimize.getFactory();
        context.set(ARQConstants.sysOptimizerFactory, (RewriteFactory) cxt -> {
            Rewrite rewrite = optimizer.create(cxt);
            return op -> rewrite.rewrite(guard.checkAll(op));
        });
        context.set(ARQ.httpQueryClient, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build());
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
            ExecutionContext execCxt, ServiceExecutor chain) {
        String target = allowlist.targetFor(opExecute.getService());
        OpService call = target.equals(opExecute.getService().getURI()) ? opExecute
                : new OpService(NodeFactory.createURI(target), opExecute.getSubOp(), opExecute.getServiceElement(),
                        opExecute.getSilent());
        return chain.createExecution(call, opOriginal, binding, execCxt);
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
