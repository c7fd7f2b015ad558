package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.pipeline.DatasetDescriber;
import org.w3id.srkg.pipeline.DumpPublisher;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;

class DownloadsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path built;
    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = SparqlServer.start(Pipeline.publish(Fixtures.root("good"), built), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void servesEveryFileTheBuildWritesByteForByte() throws Exception {
        for (String name : List.of("srkg.trig", "srkg.nq", "srkg.ttl", "srkg.jsonld", "context.jsonld", "void.ttl")) {
            HttpResponse<byte[]> response = get("/downloads/" + name);
            assertEquals(200, response.statusCode(), name);
            assertArrayEquals(Files.readAllBytes(built.resolve(name)), response.body(), name);
        }
        assertTrue(get("/downloads/srkg.jsonld").headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
    }

    @Test
    void theDescriptionListsOnlyDownloadsTheServerHas() throws Exception {
        HttpResponse<byte[]> index = get("/downloads");
        assertEquals(200, index.statusCode());
        assertTrue(new String(index.body(), "UTF-8").contains("void.ttl"), "the page lists the description");

        Graph description = RDFParser.fromString(new String(get("/downloads/void.ttl").body(), "UTF-8"), Lang.TURTLE).toGraph();
        List<Node> downloads = description.find(Node.ANY, DCAT.downloadURL.asNode(), Node.ANY).mapWith(t -> t.getObject()).toList();
        assertEquals(DumpPublisher.FILES.size(), downloads.size(), downloads::toString);
        for (Node download : downloads) {
            String path = download.getURI().substring(DatasetDescriber.DEFAULT_PUBLIC_BASE.length() - 1);
            assertEquals(200, get(path).statusCode(), path);
        }
    }

    @Test
    void unknownFilesAndWritesAreRefused() throws Exception {
        assertEquals(404, get("/downloads/secret.txt").statusCode());
        assertEquals(404, get("/downloads/../pom.xml").statusCode());
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/downloads/srkg.ttl")).POST(BodyPublishers.ofString("x")).build();
        assertFalse(HTTP.send(post, BodyHandlers.discarding()).statusCode() < 400, "no upload");
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), BodyHandlers.ofByteArray());
    }
}
