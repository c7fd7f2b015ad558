package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

/** Every file in src/test/resources/negative-syntax (see its README) is a 400, never a 5xx, by GET and by POST. */
class NegativeSyntaxTest {

    private static final Path CASES = Path.of("src/test/resources/negative-syntax");

    private static FusekiServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = SparqlServer.start(Pipeline.build(Fixtures.root("good")), "127.0.0.1", 0);
        http = new Http(server.getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreCases() throws IOException {
        assertTrue(cases().count() >= 50, "the negative syntax cases are there");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isRefusedWith400(String name) throws IOException {
        String query = Files.readString(CASES.resolve(name), StandardCharsets.UTF_8);
        HttpResponse<String> get = http.query("/sparql", query, "text/csv");
        assertEquals(400, get.statusCode(), () -> name + " by GET: " + get.body());
        HttpResponse<String> post = http.postQuery("/srkg/sparql", query, "application/sparql-results+json");
        assertEquals(400, post.statusCode(), () -> name + " by POST: " + post.body());
    }
}
