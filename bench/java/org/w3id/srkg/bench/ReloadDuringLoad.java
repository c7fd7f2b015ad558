package org.w3id.srkg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The load of {@link HttpLoad} with one {@code POST /$/reload} sent halfway through its measured window, as an
 * operator would after editing the seeds: the reload's answer and duration beside what the clients saw meanwhile.
 */
final class ReloadDuringLoad {

    /** What {@code POST /$/reload} answered (status -1: no answer) and how long it took, and the load around it. */
    record Result(int status, double reloadMillis, String message, HttpLoad.Result load) {
    }

    /**
     * A reload rebuilds the graph from the seeds, which took 0.6 to 1.2 s under load here: sent halfway through the
     * window, it must finish with load still running after it.
     */
    static final Duration MIN_MEASURE = Duration.ofSeconds(6);

    private ReloadDuringLoad() {
    }

    static Result run(URI endpoint, List<String> queries, int clients, Duration warmUp, Duration measure,
                      String user, String password) throws Exception {
        URI reload = endpoint.resolve("/$/reload");
        HttpRequest request = HttpRequest.newBuilder(reload).timeout(Duration.ofMinutes(5))
                .header("Authorization", basic(user, password)).POST(HttpRequest.BodyPublishers.noBody()).build();
        CompletableFuture<Result> reloaded = CompletableFuture.supplyAsync(() -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Result(response.statusCode(), (System.nanoTime() - start) / 1e6,
                        response.body().strip(), null);
            } catch (Exception e) {
                return new Result(-1, (System.nanoTime() - start) / 1e6, String.valueOf(e.getMessage()), null);
            }
        }, CompletableFuture.delayedExecutor(halfway(warmUp, measure).toNanos(), TimeUnit.NANOSECONDS));
        HttpLoad.Result load = HttpLoad.run(endpoint, queries, clients, warmUp, measure);
        Result answer = reloaded.get(5, TimeUnit.MINUTES);
        return new Result(answer.status(), answer.reloadMillis(), answer.message(), load);
    }

    /** From the start of the load: the warm-up, then half of the measured window. */
    static Duration halfway(Duration warmUp, Duration measure) {
        return warmUp.plus(measure.dividedBy(2));
    }

    /** The {@code Authorization} header of HTTP Basic (RFC 7617), UTF-8. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The window to measure: the run's own, but never shorter than {@link #MIN_MEASURE}. */
    static Duration window(Duration measure) {
        return measure.compareTo(MIN_MEASURE) < 0 ? MIN_MEASURE : measure;
    }
}
