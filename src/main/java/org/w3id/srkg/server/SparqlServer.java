package org.w3id.srkg.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.w3id.srkg.dataset.UnionDefaultGraph;
import org.w3id.srkg.web.LinkedDataSite;
import org.w3id.srkg.web.Publication;

/**
 * A query-only SPARQL server over a built dataset: {@code /srkg/sparql} (and {@code /srkg?query=}),
 * {@code /sparql} as Wikidata users expect, read-only Graph Store at {@code /srkg/get}, and {@code /$/ping};
 * beside them the linked-data pages and query page of {@link LinkedDataSite}.
 * No endpoint accepts updates or Graph Store writes: only read operations are registered, and the
 * dataset itself is a read-only view.
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

    private SparqlServer() {
    }

    /** Starts the server; port 0 picks a free port, see {@link FusekiServer#getPort()}. */
    public static FusekiServer start(DatasetGraph dataset, String host, int port) {
        return start(dataset, Settings.on(host, port));
    }

    /**
     * How a server is set up: where it listens, which SERVICE endpoints queries may call, and the namespace the
     * linked-data pages answer for (see LinkedDataSite). {@link #on} gives the defaults; the {@code with…} methods
     * change one setting.
     */
    public record Settings(String host, int port, ServiceAllowlist services, String publicBase) {

        public static Settings on(String host, int port) {
            return new Settings(host, port, ServiceAllowlist.wikidata(), Publication.DEFAULT_PUBLIC_BASE);
        }

        public Settings withServices(ServiceAllowlist allowed) {
            return new Settings(host, port, allowed, publicBase);
        }

        public Settings withPublicBase(String base) {
            return new Settings(host, port, services, base);
        }
    }

    public static FusekiServer start(DatasetGraph dataset, Settings settings) {
        DatasetGraph view = new UnionDefaultGraph(dataset);
        ServiceGuard.install(settings.services(), view.getContext());
        ServiceDescription description = new ServiceDescription(dataset, settings.services());
        FusekiServer server = LinkedDataSite.addTo(FusekiServer.create(), dataset, settings.publicBase())
                .port(settings.port())
                .enablePing(true)
                .addDataset(DATASET, view)
                .addEndpoint(DATASET, "sparql", Operation.Query)
                .addOperation(DATASET, Operation.Query)
                .addEndpoint(DATASET, "get", Operation.GSP_R)
                // A second name for the same dataset, holding only the query service at its root.
                .addDataset("/sparql", view)
                .addOperation("/sparql", Operation.Query)
                .addFilter("/sparql", description)
                .addFilter(DATASET + "/sparql", description)
                .build();
        for (Connector connector : server.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(settings.host());
            }
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_SIZE);
            }
        }
        return server.start();
    }
}
