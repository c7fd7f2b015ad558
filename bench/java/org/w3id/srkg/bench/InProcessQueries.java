package org.w3id.srkg.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.Dataset;
import org.w3id.srkg.dataset.UnionDefaultGraph;
import org.w3id.srkg.pipeline.Pipeline;

/**
 * In-process latency of each query over srkg's built dataset, as its server sees it (union default graph):
 * {@code InProcessQueries ROOT REPETITIONS WARM-UP-MILLIS QUERY.rq…}. Each query runs over and over for WARM-UP-MILLIS
 * (at least once) so that the JIT has compiled its path, then REPETITIONS times; it prints
 * {@code query NAME MEDIAN-MILLIS ROWS} per query. Results are read to the end.
 */
public final class InProcessQueries {

    private InProcessQueries() {
    }

    public static void main(String[] args) throws Exception {
        Dataset dataset = DatasetFactory.wrap(new UnionDefaultGraph(Pipeline.build(Path.of(args[0]))));
        int repetitions = Integer.parseInt(args[1]);
        long warmUpNanos = Long.parseLong(args[2]) * 1_000_000;
        for (String file : List.of(args).subList(3, args.length)) {
            Query query = QueryFactory.create(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            long rows;
            long warming = System.nanoTime();
            do {
                rows = run(dataset, query);
            } while (System.nanoTime() - warming < warmUpNanos);
            double[] millis = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                long start = System.nanoTime();
                run(dataset, query);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.println("query " + Path.of(file).getFileName() + " " + millis[repetitions / 2] + " " + rows);
        }
    }

    private static long run(Dataset dataset, Query query) {
        try (QueryExecution execution = QueryExecutionFactory.create(query, dataset)) {
            return switch (query.queryType()) {
                case SELECT -> ResultSetFormatter.consume(execution.execSelect());
                case ASK -> execution.execAsk() ? 1 : 0;
                default -> execution.execConstruct().size();
            };
        }
    }
}
