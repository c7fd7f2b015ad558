package org.w3id.srkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.pipeline.PipelineException;

class SyntheticSeedsTest {

    private static final Path REPOSITORY = Path.of(".");

    @Test
    void theSameSeedNumberWritesTheSameFiles(@TempDir Path dir) throws IOException {
        SyntheticSeeds.write(REPOSITORY, dir.resolve("a"), 12_000, 7);
        SyntheticSeeds.write(REPOSITORY, dir.resolve("b"), 12_000, 7);
        SyntheticSeeds.write(REPOSITORY, dir.resolve("c"), 12_000, 8);

        assertEquals(contents(dir.resolve("a")), contents(dir.resolve("b")));
        assertEquals(contents(dir.resolve("a")).keySet(), contents(dir.resolve("c")).keySet());
        assertNotEquals(contents(dir.resolve("a")), contents(dir.resolve("c")));
    }

    @Test
    void theWrittenRootPassesTheWholePipelineAtAboutTheTargetSize(@TempDir Path dir)
            throws IOException, PipelineException {
        SyntheticSeeds.Written written = SyntheticSeeds.write(REPOSITORY, dir, 12_000, 1);

        assertEquals(written.triples(), IngestProbe.seedFiles(dir).stream().mapToLong(TripleCount::of).sum(),
                "the generator's own count is the parsed count");
        assertTrue(Math.abs(written.triples() - 12_000) < 100, "about the target: " + written.triples());
        assertEquals(2, written.articles());
        DatasetGraph dataset = Pipeline.build(dir);
        assertTrue(dataset.stream().count() > written.triples(), "anchors, provenance and inferences are added");
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
