package org.w3id.srkg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load: {@code clients} threads, each with its own HTTP/1.1 connection, send the queries in turn
 * (each client starting at a different one) as POSTed forms for JSON results, read every response to the end,
 * and send the next at once. After a warm-up that is not counted, it measures for a fixed time.
 */
public final class HttpLoad {

    /** Queries per second, latency percentiles in milliseconds, and failed requests (non-200 or I/O error). */
    public record Result(int clients, double qps, double p50, double p99, long errors, long requests) {
    }

    private HttpLoad() {
    }

    public static Result run(URI endpoint, List<String> queries, int clients, Duration warmUp, Duration measure)
            throws Exception {
        return run(endpoint, queries, clients, warmUp, measure, Duration.ofSeconds(60), false);
    }

    /**
     * @param patience   how long a client waits for an answer before it counts the request as failed
     * @param unfinished whether a request sent inside the window counts even when it ends after it: a server that
     *                   stalls must show as failures, not as an empty window
     */
    public static Result run(URI endpoint, List<String> queries, int clients, Duration warmUp, Duration measure,
                             Duration patience, boolean unfinished) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long warmEnd = System.nanoTime() + warmUp.toNanos();
            long end = warmEnd + measure.toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                futures.add(pool.submit(() -> client(endpoint, queries, first, warmEnd, end, patience, unfinished)));
            }
            List<Long> latencies = new ArrayList<>();
            long errors = 0;
            for (Future<long[]> future : futures) {
                long[] samples = future.get();
                for (long sample : samples) {
                    if (sample < 0) {
                        errors++;
                    } else {
                        latencies.add(sample);
                    }
                }
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            double seconds = measure.toNanos() / 1e9;
            return new Result(clients, sorted.length / seconds, percentile(sorted, 50), percentile(sorted, 99), errors,
                    sorted.length + errors);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return latencies in nanoseconds of the requests completed inside the measured window; a failure is -1 */
    private static long[] client(URI endpoint, List<String> queries, int first, long warmEnd, long end,
                                 Duration patience, boolean unfinished) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long[] samples = new long[1024];
        int n = 0;
        for (int i = first; ; i++) {
            long start = System.nanoTime();
            if (start >= end) {
                break;
            }
            String body = "query=" + URLEncoder.encode(queries.get(i % queries.size()), StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(patience)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sample;
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                sample = response.statusCode() == 200 ? System.nanoTime() - start : -1;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    break;
                }
                sample = -1;
            }
            if (start >= warmEnd && (unfinished || System.nanoTime() <= end)) {
                if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                }
                samples[n++] = sample;
            }
        }
        return Arrays.copyOf(samples, n);
    }

    /** Nearest-rank percentile, in milliseconds; NaN when nothing completed. */
    static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
}
