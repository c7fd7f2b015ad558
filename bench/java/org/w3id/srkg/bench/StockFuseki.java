package org.w3id.srkg.bench;

import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * What a user without srkg would run: a stock {@link FusekiServer} on 127.0.0.1 serving srkg's dump from
 * Jena's transactional in-memory dataset, at {@code /ds}. {@code StockFuseki DUMP-DIR PORT [OUTPUT-BUFFER-BYTES]}.
 * A stock in-memory dataset has no union default graph, so the union dump {@code srkg.ttl} is loaded as the
 * default graph beside the named graphs of {@code srkg.nq}: the same answers as srkg's server for the same
 * queries. With a third argument, that one connector setting differs from Fuseki's defaults.
 */
public final class StockFuseki {

    private StockFuseki() {
    }

    public static void main(String[] args) {
        Path dump = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> {
            RDFParser.source(dump.resolve("srkg.nq")).parse(dataset);
            RDFParser.source(dump.resolve("srkg.ttl")).parse(StreamRDFLib.graph(dataset.getDefaultGraph()));
        });
        FusekiServer server = FusekiServer.create().port(port).add("/ds", dataset).build();
        if (args.length > 2) {
            for (Connector connector : server.getJettyServer().getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                http.getHttpConfiguration().setOutputBufferSize(Integer.parseInt(args[2]));
            }
        }
        server.start();
        System.out.println("stock: SPARQL endpoint http://127.0.0.1:" + server.getPort() + "/ds/sparql");
        server.join();
    }
}
