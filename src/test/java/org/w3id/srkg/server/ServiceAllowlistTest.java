package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceAllowlistTest {

    @Test
    void defaultIsWikidataCalledDirectly() {
        assertEquals(Map.of(ServiceAllowlist.WIKIDATA, ServiceAllowlist.WIKIDATA), ServiceAllowlist.wikidata().entries());
    }

    @Test
    void mappingSendsTheNamedEndpointToItsTarget() {
        ServiceAllowlist list = ServiceAllowlist.parse(List.of(
                ServiceAllowlist.WIKIDATA + "=http://127.0.0.1:8890/sparql?default-graph-uri=x"));
        assertEquals("http://127.0.0.1:8890/sparql?default-graph-uri=x",
                list.targetFor(NodeFactory.createURI(ServiceAllowlist.WIKIDATA)));
    }

    @Test
    void anythingElseIsDeniedNamingIt() {
        ServiceAllowlist list = ServiceAllowlist.wikidata();
        QueryDeniedException constant = assertThrows(QueryDeniedException.class,
                () -> list.targetFor(NodeFactory.createURI("https://example.org/sparql")));
        assertTrue(constant.getMessage().contains("<https://example.org/sparql>"), constant.getMessage());
        QueryDeniedException variable = assertThrows(QueryDeniedException.class, () -> list.targetFor(Var.alloc("x")));
        assertTrue(variable.getMessage().contains("SERVICE ?x"), variable.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:3030/sparql", "http://localhost/sparql", "http://[::1]/sparql",
        "http://169.254.169.254/latest/", "http://[fe80::1]/sparql", "http://0.0.0.0/sparql",
        "file:///etc/passwd", "ftp://example.org/sparql", "query.wikidata.org/sparql",
        "https://query.wikidata.org/sparql=file:///etc/passwd"})
    void localOrNonHttpEntriesAreRefusedUnlessMappedTargets(String entry) {
        assertThrows(IllegalArgumentException.class, () -> ServiceAllowlist.parse(List.of(entry)));
    }

    @Test
    void fileHoldsOneEntryALineWithComments(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("services.txt"),
                "# federation targets\n\n" + ServiceAllowlist.WIKIDATA + " = http://localhost:9999/sparql\n");
        assertEquals(Map.of(ServiceAllowlist.WIKIDATA, "http://localhost:9999/sparql"),
                ServiceAllowlist.parse(ServiceAllowlist.readEntries(file)).entries());
    }

    @Test
    void emptyListAllowsNothing() {
        ServiceAllowlist none = ServiceAllowlist.parse(List.of());
        assertThrows(QueryDeniedException.class, () -> none.targetFor(NodeFactory.createURI(ServiceAllowlist.WIKIDATA)));
    }
}
