package org.w3id.srkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.dataset.UnionDefaultGraph;
import org.w3id.srkg.pipeline.Pipeline;

/**
 * The competency questions: each {@code src/test/resources/cq/NAME.rq} runs over the graph built from the
 * repository's seeds and must give exactly the rows of {@code NAME.csv} (SPARQL CSV results). Rows are compared in
 * order when the query has ORDER BY, as a sorted list otherwise. Adding a question needs no Java.
 *
 * <p>To regenerate an expected file after a deliberate change of the data:
 * {@code java -jar target/srkg.jar query src/test/resources/cq/NAME.rq --format csv > src/test/resources/cq/NAME.csv}
 * — then read the diff: it is the change in what the graph answers.
 */
class CompetencyQuestionsTest {

    private static final Path CQ = Path.of("src/test/resources/cq");
    private static DatasetGraph dataset;

    @BeforeAll
    static void build() throws Exception {
        dataset = new UnionDefaultGraph(Pipeline.build(Path.of("")));
    }

    static Stream<String> questions() throws IOException {
        try (Stream<Path> files = Files.list(CQ)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".rq"))
                    .map(n -> n.substring(0, n.length() - 3))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void thereAreAtLeastThirtyQuestionsEachWithExpectedResults() throws IOException {
        List<String> names = questions().toList();
        assertTrue(names.size() >= 30, () -> "only " + names.size() + " competency questions");
        for (String name : names) {
            assertTrue(Files.exists(CQ.resolve(name + ".csv")), () -> name + ".rq has no " + name + ".csv");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void answersAsExpected(String name) throws IOException {
        Query query = QueryFactory.create(Files.readString(CQ.resolve(name + ".rq")));
        List<String> expected = lines(Files.readString(CQ.resolve(name + ".csv")));
        List<String> actual;
        try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(query).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultSetFormatter.outputAsCSV(out, exec.execSelect());
            actual = lines(out.toString(StandardCharsets.UTF_8));
        }
        assertEquals(expected.get(0), actual.get(0), name + ": header");
        assertTrue(actual.size() > 1, name + ": a competency question must have an answer");
        if (!query.hasOrderBy()) {
            expected = sortedBody(expected);
            actual = sortedBody(actual);
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                name + ": regenerate with: java -jar target/srkg.jar query " + CQ.resolve(name + ".rq")
                        + " --format csv > " + CQ.resolve(name + ".csv"));
    }

    private static List<String> lines(String csv) {
        return new ArrayList<>(Arrays.asList(csv.replace("\r\n", "\n").strip().split("\n")));
    }

    private static List<String> sortedBody(List<String> rows) {
        List<String> sorted = new ArrayList<>(rows.subList(1, rows.size()));
        sorted.sort(null);
        sorted.add(0, rows.get(0));
        return sorted;
    }
}
