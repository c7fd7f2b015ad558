package org.w3id.srkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.server.ServedDataset;
import org.w3id.srkg.server.ServerOptions;
import org.w3id.srkg.server.ServiceAllowlist;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.support.Http;
import org.w3id.srkg.support.WikidataStandIn;

/**
 * Every federated example, {@code examples/federation/NAME.rq}, sent to a real srkg server built from the repository's
 * seeds, whose allowlist maps Wikidata's endpoint to the local stand-in: the joined rows must be exactly
 * {@code src/test/resources/federation/NAME.csv}. The queries name the real Wikidata endpoint, so they run unchanged
 * against it. The rows actually returned are written to {@code target/federation/NAME.csv}; after a deliberate change
 * of the data or the fixture, read the diff and copy that file over the expected one.
 */
class FederatedQueriesTest {

    private static final Path EXAMPLES = Path.of("examples/federation");
    private static final Path EXPECTED = Path.of("src/test/resources/federation");
    private static final Path ACTUAL = Path.of("target/federation");

    private static WikidataStandIn wikidata;
    private static FusekiServer srkg;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        wikidata = WikidataStandIn.start();
        srkg = SparqlServer.start(new ServedDataset(Pipeline.build(Path.of(""))), "127.0.0.1", 0, ServerOptions.DEFAULTS
                .withServices(ServiceAllowlist.parse(List.of(ServiceAllowlist.WIKIDATA + "=" + wikidata.endpoint()))));
        http = new Http(srkg.getPort());
        Files.createDirectories(ACTUAL);
    }

    @AfterAll
    static void stop() {
        if (srkg != null) {
            srkg.stop();
        }
        if (wikidata != null) {
            wikidata.close();
        }
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeastFiveFederatedExamplesEachCallingWikidata() throws IOException {
        List<String> names = examples().toList();
        assertTrue(names.size() >= 5, () -> "only " + names.size() + " examples");
        for (String name : names) {
            assertTrue(Files.readString(EXAMPLES.resolve(name + ".rq")).contains("SERVICE <" + ServiceAllowlist.WIKIDATA + ">"),
                    () -> name + " does not call Wikidata");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleJoinsSrkgWithWikidata(String name) throws Exception {
        String rows = csv(Files.readString(EXAMPLES.resolve(name + ".rq")));
        Files.writeString(ACTUAL.resolve(name + ".csv"), rows);
        assertTrue(rows.strip().lines().count() > 1, () -> name + " joined no rows:\n" + rows);
        Path expected = EXPECTED.resolve(name + ".csv");
        assertEquals(Files.exists(expected) ? Files.readString(expected) : "(no " + expected + ")", rows,
                name + ": if the change is deliberate, cp " + ACTUAL.resolve(name + ".csv") + " " + expected);
    }

    /** README shows one of the examples verbatim, so what users copy is what this test runs. */
    @Test
    void readmeShowsAnExampleVerbatim() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("<!-- federated-query: (examples/federation/[a-z-]+\\.rq) -->\\s*```sparql\\n(.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README.md has the marked federated query block");
        assertEquals(Files.readString(Path.of(block.group(1))), block.group(2));
    }

    private static String csv(String query) {
        HttpResponse<String> response = http.query("/sparql", query, "text/csv");
        assertEquals(200, response.statusCode(), response.body());
        return response.body().replace("\r\n", "\n");
    }
}
