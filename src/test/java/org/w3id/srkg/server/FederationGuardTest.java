package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.HitCountingEndpoint;
import org.w3id.srkg.support.Http;

/**
 * The SERVICE allowlist on the real server: every denied target gets a 4xx naming it, and the hit-counting servers
 * behind the loopback addresses (one of them the mapped target of the allowed Wikidata name) receive nothing.
 */
class FederationGuardTest {

    private static HitCountingEndpoint v4;
    private static HitCountingEndpoint v6;
    private static HitCountingEndpoint redirector;
    private static FusekiServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        v4 = HitCountingEndpoint.start("127.0.0.1");
        v6 = HitCountingEndpoint.start("::1");
        redirector = HitCountingEndpoint.redirecting("127.0.0.1", "http://127.0.0.1:" + v4.port() + "/sparql");
        ServiceAllowlist services = ServiceAllowlist.parse(List.of(
                ServiceAllowlist.WIKIDATA + "=http://127.0.0.1:" + v4.port() + "/sparql",
                "https://redirecting.example.org/sparql=http://127.0.0.1:" + redirector.port() + "/sparql"));
        server = SparqlServer.start(new ServedDataset(Pipeline.build(Fixtures.root("good"))), "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withServices(services));
        http = new Http(server.getPort());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {server == null ? null : server::stop, v4, v6, redirector}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // Stopping the rest matters more than one failure to stop.
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/federation/denied-services.csv", delimiter = '|')
    void deniedTargetGets4xxAndNoRequestLeaves(String name, String method, String query, String named)
            throws Exception {
        int before = v4.hits() + v6.hits();
        HttpResponse<String> response = send(method, ports(query));
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                () -> name + ": " + response.statusCode() + " " + response.body());
        assertTrue(response.body().contains(ports(named)) && response.body().contains("not allowed"),
                () -> name + ": the message names the denied endpoint: " + response.body());
        assertEquals(before, v4.hits() + v6.hits(), name + ": requests reached a denied host");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM <http://127.0.0.1:{v4}/data.ttl> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://[::1]:{v6}/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } FROM <http://127.0.0.1:{v4}/data.ttl> WHERE { ?s ?p ?o }"})
    void fromNeverFetches(String query) throws Exception {
        int before = v4.hits() + v6.hits();
        HttpResponse<String> response = send("GET", ports(query));
        assertTrue(response.statusCode() < 500, () -> response.statusCode() + " " + response.body());
        assertEquals(before, v4.hits() + v6.hits(), "FROM fetched " + query);
    }

    /** The positive control: the counters do count, and the allowed name reaches its mapped target. */
    @Test
    void allowedEndpointIsCalledAtItsMappedTarget() throws Exception {
        int before = v4.hits();
        HttpResponse<String> response = send("GET",
                "SELECT * WHERE { SERVICE <" + ServiceAllowlist.WIKIDATA + "> { ?s ?p ?o } }");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(before + 1, v4.hits());
    }

    @Test
    void redirectFromAnAllowedEndpointIsNotFollowed() throws Exception {
        int before = v4.hits();
        int redirects = redirector.hits();
        HttpResponse<String> response = send("GET",
                "SELECT * WHERE { SERVICE <https://redirecting.example.org/sparql> { ?s ?p ?o } }");
        assertTrue(response.statusCode() != 200, () -> response.statusCode() + " " + response.body());
        assertEquals(redirects + 1, redirector.hits(), "the allowed endpoint was called");
        assertEquals(before, v4.hits(), "the redirect was followed");
    }

    private static String ports(String text) {
        return text.replace("{v4}", Integer.toString(v4.port())).replace("{v6}", Integer.toString(v6.port()));
    }

    private static HttpResponse<String> send(String method, String query) {
        HttpRequest.Builder request = switch (method) {
            case "GET" -> http.request("/sparql?query=" + Http.encode(query)).GET();
            case "FORM" -> http.request("/sparql")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(BodyPublishers.ofString("query=" + Http.encode(query)));
            case "BODY" -> http.request("/sparql")
                    .header("Content-Type", "application/sparql-query")
                    .POST(BodyPublishers.ofString(query));
            default -> throw new IllegalArgumentException(method);
        };
        return http.send(request.header("Accept", "application/sparql-results+json"));
    }
}
