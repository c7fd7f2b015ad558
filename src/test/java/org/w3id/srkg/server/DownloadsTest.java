package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.w3id.srkg.support.Http;

class DownloadsTest {

    @TempDir
    static Path built;
    private static FusekiServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = SparqlServer.start(Pipeline.publish(Fixtures.root("good"), built), "127.0.0.1", 0);
        http = new Http(server.getPort());
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
        HttpResponse<Void> post = http.send(http.request("/downloads/srkg.ttl").POST(BodyPublishers.ofString("x")),
                BodyHandlers.discarding());
        assertFalse(post.statusCode() < 400, "no upload");
    }

    private static HttpResponse<byte[]> get(String path) {
        return http.send(http.request(path).GET(), BodyHandlers.ofByteArray());
    }
}
