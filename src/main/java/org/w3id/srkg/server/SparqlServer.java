package org.w3id.srkg.server;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.w3id.srkg.dataset.UnionDefaultGraph;

/**
 * A query-only SPARQL server over a built dataset: {@code /srkg/sparql} (and {@code /srkg?query=}),
 * {@code /sparql} as Wikidata users expect, read-only Graph Store at {@code /srkg/get}, {@code /$/ping}, and the
 * dumps with their description at {@code /dumps/} (see {@link DumpServlet}).
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
        DatasetGraph view = new UnionDefaultGraph(dataset);
        FusekiServer server = FusekiServer.create()
                .port(port)
                .enablePing(true)
                .addDataset(DATASET, view)
                .addEndpoint(DATASET, "sparql", Operation.Query)
                .addOperation(DATASET, Operation.Query)
                .addEndpoint(DATASET, "get", Operation.GSP_R)
                // A second name for the same dataset, holding only the query service at its root.
                .addDataset("/sparql", view)
                .addOperation("/sparql", Operation.Query)
                .addServlet(DumpServlet.PATH, new DumpServlet(dataset))
                .build();
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
