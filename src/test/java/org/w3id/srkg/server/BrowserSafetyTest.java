package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;
import org.w3id.srkg.support.RawHttp;

/**
 * What a browser is given: no markup of the caller's in results (the {@code stylesheet} and JSONP {@code callback}
 * parameters are refused), no sniffing, a Content-Security-Policy that forbids framing, and no TRACE.
 */
class BrowserSafetyTest {

    /** The reported payload: it closes the stylesheet instruction and ran script in Chromium. */
    private static final String STYLESHEET = "x.css\" type=\"text/css\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
            + "<script>alert(1)</script></html><!--";

    private static FusekiServer server;
    private static RawHttp client;

    @BeforeAll
    static void start() throws Exception {
        server = SparqlServer.start(Pipeline.build(Fixtures.root("good")), "127.0.0.1", 0);
        client = new RawHttp("127.0.0.1", server.getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sparql", "/srkg", "/srkg/sparql"})
    void aStylesheetParameterIsRefusedByGetAndPost(String path) {
        String parameters = "query=" + Http.encode("ASK {}") + "&output=xml&stylesheet=" + Http.encode(STYLESHEET);
        RawHttp.Response get = client.get(path + "?" + parameters);
        RawHttp.Response post = client.post(path, "application/x-www-form-urlencoded", parameters);
        for (RawHttp.Response answer : new RawHttp.Response[] {get, post}) {
            assertEquals(400, answer.status(), answer.body());
            assertFalse(answer.body().contains("<script"), answer.body());
        }
    }

    @Test
    void aJsonpCallbackIsRefused() {
        RawHttp.Response answer = client.get("/sparql?query=" + Http.encode("ASK {}") + "&output=json&callback=alert");
        assertEquals(400, answer.status(), answer.body());
        assertFalse(answer.body().contains("alert("), answer.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/query", "/downloads", "/assets/query.js", "/sparql?query=ASK%7B%7D",
        "/srkg/sparql?query=ASK%7B%7D&output=xml", "/no/such/page"})
    void everyResponseForbidsSniffingAndFraming(String path) {
        RawHttp.Response answer = client.get(path);
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
        String policy = answer.header("Content-Security-Policy");
        assertNotNull(policy, path);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("default-src 'self'"), policy);
        assertEquals("DENY", answer.header("X-Frame-Options"), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/sparql", "/srkg/sparql", "/no/such/page"})
    void traceIsRefused(String path) {
        RawHttp.Response answer = client.exchange("TRACE", path, null, null, "X-Echo: secret");
        assertEquals(405, answer.status(), answer.body());
        assertFalse(answer.body().contains("secret"), answer.body());
    }
}
