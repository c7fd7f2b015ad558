package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Http;

/**
 * Thousands of broken and hostile variants of the competency questions (src/test/resources/cq/*.rq) sent to a
 * real server over the repository's seeds: no answer may be a 5xx (except 503 for a query stopped by the
 * timeout, which is the limit doing its job), no request may hang (each has a client-side timeout), and the
 * server must still answer afterwards. Bounded by {@link #MAX_QUERIES} and {@link #WALL_TIME}, whichever comes
 * first; the random seed is fixed, so a failure names a query that can be replayed.
 */
class QueryFuzzTest {

    static final int MAX_QUERIES = 3000;
    static final Duration WALL_TIME = Duration.ofSeconds(45);
    static final long SEED = 0x5EED_5AC7L;
    private static final int CLIENTS = 4;
    private static final Pattern VARIABLE = Pattern.compile("[?$][A-Za-z_][A-Za-z0-9_]*");

    @Test
    void mutatedCompetencyQuestionsNeverGet5xxOrHang() throws Exception {
        List<String> corpus = corpus();
        FusekiServer server = SparqlServer.start(new ServedDataset(Pipeline.build(Path.of(""))), "127.0.0.1", 0,
                ServerOptions.of(QueryLimits.DEFAULTS.withTimeout(Duration.ofSeconds(1))));
        try {
            Http http = new Http(server.getPort());
            long deadline = System.nanoTime() + WALL_TIME.toNanos();
            AtomicInteger next = new AtomicInteger();
            Map<Integer, AtomicInteger> statuses = new TreeMap<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < MAX_QUERIES && System.nanoTime() < deadline) {
                        Random random = new Random(SEED + i);
                        String query = mutate(corpus.get(random.nextInt(corpus.size())), random);
                        HttpResponse<String> response;
                        try {
                            response = send(http, query, random);
                        } catch (RuntimeException e) {
                            // A body over the limit is refused before it is read, and the connection closed: a
                            // client still sending may see the close before the 413.
                            if (("query=" + Http.encode(query)).length() <= QueryLimits.DEFAULT_MAX_REQUEST_BYTES) {
                                failures.add("#" + i + " no answer (" + e + "): " + abbreviate(query));
                            }
                            continue;
                        }
                        synchronized (statuses) {
                            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        }
                        boolean timedOut = response.statusCode() == 503 && response.body().contains("Query timed out");
                        if (response.statusCode() >= 500 && !timedOut) {
                            failures.add("#" + i + " " + response.statusCode() + " " + abbreviate(response.body())
                                    + " for: " + abbreviate(query));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            int sent = Math.min(next.get(), MAX_QUERIES);
            System.out.println("QueryFuzzTest: " + sent + " queries, answers by status " + statuses);
            assertTrue(failures.isEmpty(), () -> failures.size() + " failures: " + failures);
            assertTrue(sent >= 500, "enough queries were sent to mean something: " + sent);
            assertEquals(200, http.query("/sparql", "ASK { ?s ?p ?o }", "text/plain").statusCode(),
                    "the server still answers");
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> send(Http http, String query, Random random) {
        int how = random.nextInt(3);
        if (how == 0 && query.length() < 2000) {
            return http.query("/sparql", query, "application/sparql-results+json");
        }
        if (how == 1) {
            return http.send(http.request("/srkg/sparql").header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/csv").POST(BodyPublishers.ofString("query=" + Http.encode(query))));
        }
        return http.postQuery("/srkg", query, "text/tab-separated-values");
    }

    static String mutate(String query, Random random) {
        String mutated = query;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            mutated = switch (random.nextInt(8)) {
                case 0 -> dropToken(mutated, random);
                case 1 -> swapVariables(mutated, random);
                case 2 -> hugeLiteral(mutated, random);
                case 3 -> deepNesting(mutated, random);
                case 4 -> randomBytes(mutated, random);
                case 5 -> mutated.substring(0, random.nextInt(mutated.length() + 1));
                case 6 -> duplicateToken(mutated, random);
                default -> swapTokens(mutated, random);
            };
        }
        return mutated;
    }

    private static String dropToken(String query, Random random) {
        List<String> tokens = new ArrayList<>(List.of(query.split("\\s+")));
        if (!tokens.isEmpty()) {
            tokens.remove(random.nextInt(tokens.size()));
        }
        return String.join(" ", tokens);
    }

    private static String duplicateToken(String query, Random random) {
        List<String> tokens = new ArrayList<>(List.of(query.split("\\s+")));
        int i = random.nextInt(tokens.size());
        tokens.add(random.nextInt(tokens.size() + 1), tokens.get(i));
        return String.join(" ", tokens);
    }

    private static String swapTokens(String query, Random random) {
        List<String> tokens = new ArrayList<>(List.of(query.split("\\s+")));
        java.util.Collections.swap(tokens, random.nextInt(tokens.size()), random.nextInt(tokens.size()));
        return String.join(" ", tokens);
    }

    private static String swapVariables(String query, Random random) {
        List<String> variables = new ArrayList<>();
        Matcher m = VARIABLE.matcher(query);
        while (m.find()) {
            variables.add(m.group());
        }
        if (variables.size() < 2) {
            return query;
        }
        String a = variables.get(random.nextInt(variables.size()));
        String b = variables.get(random.nextInt(variables.size()));
        return VARIABLE.matcher(query).replaceAll(v -> Matcher.quoteReplacement(
                v.group().equals(a) ? b : v.group().equals(b) ? a : v.group()));
    }

    private static String hugeLiteral(String query, Random random) {
        String literal = "\"" + "\u0416x".repeat(1 + random.nextInt(200_000)) + "\"";
        List<String> tokens = new ArrayList<>(List.of(query.split("\\s+")));
        tokens.set(random.nextInt(tokens.size()), literal);
        return String.join(" ", tokens);
    }

    private static String deepNesting(String query, Random random) {
        int open = query.indexOf('{');
        int close = query.lastIndexOf('}');
        if (open < 0 || close < open) {
            return query;
        }
        int depth = 10 + random.nextInt(2000);
        String opener = random.nextBoolean() ? "{" : "{ OPTIONAL {";
        String closer = opener.length() == 1 ? "}" : "} }";
        return query.substring(0, open) + opener.repeat(depth) + query.substring(open, close + 1)
                + closer.repeat(depth) + query.substring(close + 1);
    }

    private static String randomBytes(String query, Random random) {
        StringBuilder b = new StringBuilder(query);
        int n = 1 + random.nextInt(20);
        for (int k = 0; k < n; k++) {
            char c = switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(32);
                case 1 -> "{}()<>\"'?$.;,#\\^@".charAt(random.nextInt(17));
                case 2 -> (char) (0x80 + random.nextInt(0x2000));
                default -> (char) random.nextInt(0x10000);
            };
            b.insert(random.nextInt(b.length() + 1), c);
        }
        return b.toString();
    }

    private static List<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/cq"))) {
            List<String> queries = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                queries.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            return queries;
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…(" + flat.length() + " chars)";
    }
}
