package org.w3id.srkg.server;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.w3id.srkg.web.LinkedDataSite;

/**
 * A query-only SPARQL server over a built dataset: {@code /srkg/sparql} (and {@code /srkg?query=}),
 * {@code /sparql} as Wikidata users expect, read-only Graph Store at {@code /srkg/get}, and {@code /$/ping};
 * beside them the linked-data pages and query page of {@link LinkedDataSite}.
 * No endpoint accepts updates or Graph Store writes: only read operations are registered, and the
 * dataset itself is a read-only view. Limits and their defaults: {@link QueryLimits}; operator endpoints:
 * {@link ServerOptions}; what is promised and which test proves it: docs/SECURITY.md.
 */
public final class SparqlServer {

    public static final String DATASET = "/srkg";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;

    /**
     * Fuseki 5.6 gives each response a 5 MiB output buffer; with many concurrent queries that is memory
     * spent on buffers. 32 KiB still streams large results, only in more writes.
     */
    private static final int OUTPUT_BUFFER_SIZE = 32 * 1024;

    /** The paths that answer SPARQL queries: the only ones offered to other origins (CORS). */
    static final Set<String> QUERY_PATHS = Set.of("/sparql", DATASET, DATASET + "/sparql");

    private SparqlServer() {
    }

    /** Starts the server with the default limits; port 0 picks a free port, see {@link FusekiServer#getPort()}. */
    public static FusekiServer start(DatasetGraph dataset, String host, int port) {
        return start(new ServedDataset(dataset), host, port, ServerOptions.DEFAULTS);
    }

    /**
     * Builds, on a daemon thread, a server over an empty dataset that is never started, and forgets it. Most of a
     * server's start-up is loading and initialising Jetty's and Fuseki's classes, which needs no data: called before
     * building the graph, it does that work on another CPU meanwhile, and {@link #start} then finds it done.
     */
    public static void preload() {
        Thread thread = new Thread(() -> FusekiServer.create().port(0)
                .add(DATASET, DatasetGraphFactory.empty()).addFilter("/*", new CorsFilter(QUERY_PATHS)).build(),
                "srkg-server-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the server over a dataset that can be reloaded while it serves. */
    public static FusekiServer start(ServedDataset view, String host, int port, ServerOptions options) {
        QueryLimits limits = options.limits();
        view.getContext().set(ARQ.queryTimeout, Long.toString(limits.timeout().toMillis()));
        ServiceGuard.install(options.services(), limits, view.getContext());
        BoundedFunctions.install(view.getContext());
        QueryMemoryBudget.install(view.getContext());
        ServiceDescription description = new ServiceDescription(view, options.services());
        FusekiServer.Builder builder = LinkedDataSite.addTo(FusekiServer.create(), view, options.publicBase())
                .port(port)
                .enablePing(true)
                .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery,
                        new LimitedQueryService(limits.maxRows()))
                .addFilter("/*", new RequestSizeLimitFilter(limits.maxRequestBytes()))
                .addFilter("/*", new MalformedRequestFilter())
                .addFilter("/*", new BrowserSafetyFilter())
                .addFilter("/*", new CorsFilter(QUERY_PATHS))
                .addDataset(DATASET, view)
                .addEndpoint(DATASET, "sparql", Operation.Query)
                .addOperation(DATASET, Operation.Query)
                .addEndpoint(DATASET, "get", Operation.GSP_R)
                // A second name for the same dataset, holding only the query service at its root.
                .addDataset("/sparql", view)
                .addOperation("/sparql", Operation.Query)
                .addFilter("/sparql", description)
                .addFilter(DATASET + "/sparql", description);
        OperatorEndpoints.apply(builder, options);
        FusekiServer server = builder.build();
        // Jetty parses a form itself, with its own limit (Fuseki sets 10 MB); the same limit as for bodies.
        ServletContextHandler.getServletContextHandler(server.getServletContext())
                .setMaxFormContentSize((int) limits.maxRequestBytes());
        server.getJettyServer().setHandler(ClientGuards.around(server.getJettyServer().getHandler(), options));
        for (Connector connector : server.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(host);
            }
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_SIZE);
            }
        }
        return server.start();
    }
}
