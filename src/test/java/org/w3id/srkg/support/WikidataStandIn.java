package org.w3id.srkg.support;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * A local stand-in for Wikidata's query service: a real, read-only Fuseki on a loopback port serving
 * src/test/resources/wikidata/fixture.ttl at {@code /sparql}.
 */
public final class WikidataStandIn implements AutoCloseable {

    public static final String FIXTURE = "src/test/resources/wikidata/fixture.ttl";

    private final FusekiServer server;

    private WikidataStandIn(FusekiServer server) {
        this.server = server;
    }

    public static WikidataStandIn start() {
        DatasetGraph fixture = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(fixture, FIXTURE);
        return new WikidataStandIn(FusekiServer.create().loopback(true).port(0)
                .add("/sparql", fixture, false)
                .build().start());
    }

    /** The endpoint URL, what {@code https://query.wikidata.org/sparql} is mapped to in tests. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getPort() + "/sparql";
    }

    @Override
    public void close() {
        server.stop();
    }
}
