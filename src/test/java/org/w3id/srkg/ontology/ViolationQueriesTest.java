package org.w3id.srkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.pipeline.PipelineException;

/**
 * Every ontology/checks/*-violation.rq returns no row on the built dataset, and at least one row on its negative
 * case, src/test/resources/violations/NAME/*.trig (NAME is the query file name without .rq), which proves it can.
 */
class ViolationQueriesTest {

    private static final Path CHECKS = OwlDocuments.ROOT.resolve("ontology/checks");
    private static final Path CASES = Path.of("src/test/resources/violations");
    private static Dataset built;

    @BeforeAll
    static void build() throws PipelineException {
        built = DatasetFactory.wrap(Pipeline.build(OwlDocuments.ROOT));
    }

    static List<Path> queries() throws IOException {
        try (Stream<Path> files = Files.list(CHECKS)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-violation.rq")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void builtDatasetHasNoViolation(Path query) throws IOException {
        String rows = run(query, built);
        String header = header(query);
        assertTrue(rows.isEmpty(), () -> header + "\n" + rows);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void negativeCaseIsFound(Path query) throws IOException {
        Path folder = CASES.resolve(name(query));
        assertTrue(Files.isDirectory(folder), () -> "no negative case for " + query + ": add " + folder
                + "/*.trig, named graphs shaped like the built dataset, on which the query finds a violation");
        List<Path> trig;
        try (Stream<Path> files = Files.list(folder)) {
            trig = files.filter(p -> p.toString().endsWith(".trig")).sorted().toList();
        }
        assertFalse(trig.isEmpty(), () -> "no .trig file in " + folder);
        for (Path data : trig) {
            String rows = run(query, RDFDataMgr.loadDataset(data.toString()));
            assertFalse(rows.isEmpty(), () -> query + " found nothing in " + data);
        }
    }

    @Test
    void everyQuerySaysTheProblemAndTheSolution() throws IOException {
        for (Path query : queries()) {
            List<String> lines = Files.readAllLines(query);
            assertTrue(lines.size() > 1 && lines.get(0).startsWith("# Problem: ")
                    && lines.get(1).startsWith("# Solution: "), () -> query + " must open with # Problem: and # Solution:");
        }
    }

    @Test
    void everyNegativeCaseBelongsToAQuery() throws IOException {
        TreeSet<String> names = queries().stream().map(ViolationQueriesTest::name)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> folders = Files.list(CASES)) {
            folders.map(p -> p.getFileName().toString()).filter(n -> !names.contains(n)).sorted().forEach(orphans::add);
        }
        assertEquals(List.of(), orphans, "case folders under " + CASES + " without a query in " + CHECKS);
    }

    private static String name(Path query) {
        return query.getFileName().toString().replaceFirst("\\.rq$", "");
    }

    private static String run(Path query, Dataset dataset) throws IOException {
        try (QueryExecution exec = QueryExecution.dataset(dataset).query(Files.readString(query)).build()) {
            ResultSet results = exec.execSelect();
            if (!results.hasNext()) {
                return "";
            }
            return ResultSetFormatter.asText(results);
        }
    }

    private static String header(Path query) throws IOException {
        return Files.readAllLines(query).stream().takeWhile(l -> l.startsWith("#")).collect(Collectors.joining("\n"));
    }
}
