package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

/** A GET on the query endpoint without a query answers its SPARQL service description, with the VoID metadata. */
class ServiceDescriptionTest {

    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    private static DatasetGraph dataset;
    private static FusekiServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        dataset = Pipeline.build(Fixtures.root("good"));
        server = SparqlServer.start(dataset, "127.0.0.1", 0);
        http = new Http(server.getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @CsvSource({"/sparql, text/turtle, TURTLE", "/srkg/sparql, application/ld+json, JSONLD",
        "/sparql, application/rdf+xml, RDFXML", "/sparql, */*, TURTLE"})
    void describesEndpointFormatsGraphsAndVoid(String path, String accept, String lang) throws Exception {
        String endpoint = http.base() + path;
        HttpResponse<String> response = http.get(path, accept);
        assertEquals(200, response.statusCode(), response.body());
        Graph sd = GraphFactory.createDefaultGraph();
        Lang syntax = lang.equals("TURTLE") ? Lang.TURTLE : lang.equals("JSONLD") ? Lang.JSONLD : Lang.RDFXML;
        RDFParser.fromString(response.body(), syntax).parse(sd);

        Node service = NodeFactory.createURI(endpoint);
        assertTrue(sd.contains(service, RDF.type.asNode(), sd("Service")), response.body());
        assertTrue(sd.contains(service, sd("endpoint"), service));
        assertTrue(sd.contains(service, sd("supportedLanguage"), sd("SPARQL11Query")));
        assertTrue(sd.contains(service, sd("feature"), sd("UnionDefaultGraph")));
        assertTrue(sd.contains(service, sd("feature"), sd("BasicFederatedQuery")));
        for (String format : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV")) {
            assertTrue(sd.contains(service, sd("resultFormat"), NodeFactory.createURI("http://www.w3.org/ns/formats/" + format)),
                    format);
        }
        Node wikidata = NodeFactory.createURI(ServiceAllowlist.WIKIDATA);
        assertTrue(sd.contains(wikidata, RDF.type.asNode(), sd("Service")), "the allowed SERVICE endpoint");
        assertTrue(sd.contains(service, sd("defaultDataset"), Namespaces.DATASET));
        dataset.listGraphNodes().forEachRemaining(g ->
                assertTrue(sd.contains(Node.ANY, sd("name"), g), () -> "named graph " + g));
        Graph metadata = dataset.getGraph(Namespaces.METADATA_GRAPH);
        assertTrue(metadata.size() > 0);
        metadata.find().forEachRemaining(t -> assertTrue(sd.contains(t), () -> "VoID triple " + t));
    }

    private static Node sd(String localName) {
        return NodeFactory.createURI(SD + localName);
    }
}
