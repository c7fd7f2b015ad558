package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.support.Fixtures;

class PipelineTest {

    @Test
    void goodSeedsGiveTheExpectedNamedGraphs() throws PipelineException {
        DatasetGraph dataset = Pipeline.build(Fixtures.root("good"));

        Map<String, Long> sizes = new TreeMap<>();
        dataset.listGraphNodes().forEachRemaining(g -> sizes.put(g.getURI(), (long) dataset.getGraph(g).size()));
        Long metadata = sizes.remove(Namespaces.METADATA_GRAPH.getURI());
        assertEquals(Map.of(
                Namespaces.GRAPH + "ontology", 9L,
                Namespaces.GRAPH + "shapes", 12L,
                Namespaces.GRAPH + "entities", 4L,
                Namespaces.GRAPH + "article/000", 15L,
                Namespaces.GRAPH + "article/001", 10L,
                Namespaces.GRAPH + "inferred", 2L), sizes);
        assertTrue(metadata != null && metadata > 0, "its counts are checked by DatasetDescriberTest");
        assertTrue(dataset.getDefaultGraph().isEmpty(), "everything lives in named graphs");
    }

    @Test
    void articleDescriptionsAndTheirBlankNodesGoToTheArticleGraph() throws PipelineException {
        DatasetGraph dataset = Pipeline.build(Fixtures.root("good"));
        Node article0 = Namespaces.articleGraph("000");
        Node creator = NodeFactory.createURI("http://purl.org/dc/terms/creator");
        Node writer = dataset.find(article0, NodeFactory.createURI(Namespaces.ARTICLE + "000"), creator, Node.ANY)
                .next().getObject();
        assertTrue(writer.isBlank());
        assertTrue(dataset.contains(article0, writer, NodeFactory.createURI("https://schema.org/name"), Node.ANY));
        assertFalse(dataset.contains(Namespaces.articleGraph("001"), writer, Node.ANY, Node.ANY));
    }

    @Test
    void metadataCountsTriplesPerGraph() throws PipelineException {
        DatasetGraph dataset = Pipeline.build(Fixtures.root("good"));
        Node entities = Namespaces.ENTITIES_GRAPH;
        Node count = dataset.find(Namespaces.METADATA_GRAPH, entities, VOID.triples.asNode(), Node.ANY).next().getObject();
        assertEquals(dataset.getGraph(entities).size(), ((Number) count.getLiteralValue()).longValue());
        assertTrue(dataset.contains(Namespaces.METADATA_GRAPH, Namespaces.DATASET, VOID.sparqlEndpoint.asNode(), Node.ANY));
    }

    @Test
    void brokenTurtleReportsEveryErrorInEveryFile() {
        PipelineException failure = assertThrows(PipelineException.class,
                () -> Pipeline.build(Fixtures.root("broken-turtle")));
        List<String> lines = failure.problems().stream().map(Problem::toString).toList();

        assertTrue(lines.contains("seeds/entities.ttl:6:1: Triples not terminated by DOT"), lines::toString);
        assertTrue(lines.contains("seeds/claims/001.ttl:4:16: Undefined prefix: ex"), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("seeds/articles.ttl:12:71: warning: ")),
                () -> "RIOT warnings fail the build too: " + lines);
        assertEquals(3, lines.size(), lines::toString);
    }

    @Test
    void shaclViolationNamesFocusNodePathShapeAndMessage() {
        PipelineException failure = assertThrows(PipelineException.class,
                () -> Pipeline.build(Fixtures.root("shacl-violation")));
        assertEquals(1, failure.problems().size(), failure::getMessage);
        Problem problem = failure.problems().get(0);
        assertEquals("seeds/entities.ttl", problem.file());
        assertTrue(problem.message().contains("sh:Violation"), problem::message);
        assertTrue(problem.message().contains("focus <https://w3id.org/srkg/id/country/CN>"), problem::message);
        assertTrue(problem.message().contains("path <http://www.w3.org/2000/01/rdf-schema#label>"), problem::message);
        assertTrue(problem.message().contains("shape srkg:AgentShape"), problem::message);
        assertTrue(problem.message().endsWith(": an agent needs a label"), problem::message);
    }

    @Test
    void turtleFileWithoutAKnownGraphIsRefused() {
        PipelineException failure = assertThrows(PipelineException.class,
                () -> Pipeline.build(Fixtures.root("unknown-file")));
        assertEquals("seeds/extra.ttl", failure.problems().get(0).file());
        assertTrue(failure.getMessage().contains("named graph it would belong to is unknown"), failure::getMessage);
    }

    @Test
    void twoBuildsWriteByteIdenticalFiles(@TempDir Path tmp) throws Exception {
        Pipeline.publish(Fixtures.root("good"), tmp.resolve("a"));
        Pipeline.publish(Fixtures.root("good"), tmp.resolve("b"));
        for (String file : Stream.concat(DumpPublisher.FILES.stream(), DumpPublisher.DESCRIPTIONS.stream()).toList()) {
            byte[] first = Files.readAllBytes(tmp.resolve("a").resolve(file));
            assertTrue(first.length > 0, file);
            assertArrayEquals(first, Files.readAllBytes(tmp.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void failedBuildLeavesThePreviousOutputUntouched(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("dump");
        Pipeline.publish(Fixtures.root("good"), out);
        Map<String, byte[]> before = contents(out);

        assertThrows(PipelineException.class, () -> Pipeline.publish(Fixtures.root("broken-turtle"), out));

        Map<String, byte[]> after = contents(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of(out), siblings.toList(), "no staging folder is left behind");
        }
    }

    @Test
    void rebuildReplacesThePreviousOutput(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("dump");
        Files.createDirectories(out);
        Files.writeString(out.resolve("stale.txt"), "from an older build");
        Pipeline.publish(Fixtures.root("good"), out);
        Set<String> written = contents(out).keySet();
        assertTrue(written.containsAll(DumpPublisher.FILES), written::toString);
        assertTrue(written.contains("coverage/index.md"), written::toString);
        assertTrue(written.containsAll(DumpPublisher.DESCRIPTIONS), written::toString);
        assertEquals(Set.of(), written.stream().filter(f -> !DumpPublisher.FILES.contains(f)
                && !DumpPublisher.DESCRIPTIONS.contains(f) && !f.startsWith("coverage/")).collect(Collectors.toSet()));
    }

    /** Every file under {@code dir}, by its path from there. */
    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> result = new TreeMap<>();
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                result.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return result;
    }
}
