package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.support.Http;
import org.w3id.srkg.support.SmallHeapServer;

/**
 * Queries that need more memory than the server has, against {@code srkg serve} on the repository's seeds in a child
 * JVM with a {@value #HEAP} heap (about 17,000 quads, so a cross product of two triple patterns is 285 million
 * rows). Each is answered alone, with a result or a clear 4xx/503, never an {@link OutOfMemoryError} that others see:
 * the ping and an ordinary query are answered while it runs and right after. The only time bound asserted is a
 * generous ceiling, met only if the timeout can stop the query.
 */
class QueryMemoryTest {

    static final String HEAP = "96m";
    private static final Duration CEILING = Duration.ofSeconds(50);
    private static final String RDFS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
    private static final String ORDINARY = RDFS + "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?label LIMIT 5";

    private static SmallHeapServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path log = Files.createTempFile("srkg-small-heap", ".log");
        server = SmallHeapServer.start(HEAP, log, "--timeout", "40");
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /**
     * 807 labels by 807, each pair joined: 651,249 rows and strings to sort, more than the heap holds beside the data
     * (without spilling the server ran out of memory and hung), so the sort must spill to disk. It takes seconds,
     * several times that on a loaded machine: the server's whole timeout.
     */
    @Test
    void aSortLargerThanTheHeapSpillsToDiskAndAnswers() throws Exception {
        HttpResponse<String> response = whileOthersAreServed(RDFS + "SELECT * WHERE { ?a rdfs:label ?c . ?d rdfs:label ?f"
                + " BIND(CONCAT(?c, \" / \", ?f) AS ?g) } ORDER BY ?g LIMIT 1000", 40);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1 + 1000, response.body().lines().count());
    }

    /** 4,912 types by 807 labels: four million rows. Sorted in memory, ARQ cannot cancel the sort; spilled, it can. */
    @Test
    void aSortTheTimeoutMustStopIsStopped() throws Exception {
        HttpResponse<String> response = whileOthersAreServed(
                RDFS + "SELECT * WHERE { ?a a ?c . ?d rdfs:label ?f } ORDER BY ?c ?f LIMIT 1000", 10);
        assertEquals(503, response.statusCode(), response.body());
    }

    @Test
    void aGroupConcatPastTheCapIsRefused() throws Exception {
        HttpResponse<String> response = whileOthersAreServed(
                "SELECT (GROUP_CONCAT(?c) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?f }", 30);
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(response.body().contains("GROUP_CONCAT result longer than 1048576 characters"),
                response.body());
    }

    /** A group for each of 285 million rows: ARQ holds every key and its count in memory, nothing spills. */
    @Test
    void groupingTooManyKeysIsStoppedForMemory() throws Exception {
        HttpResponse<String> response = whileOthersAreServed(
                "SELECT ?a ?c ?d ?f (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } GROUP BY ?a ?c ?d ?f", 30);
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("Query used too much memory"), response.body());
    }

    /** A string doubled 30 times: one allocation larger than the heap, an OutOfMemoryError in the query's thread. */
    @Test
    void anOutOfMemoryErrorInAQueryIsThatQuerys() throws Exception {
        String doublings = IntStream.range(0, 30)
                .mapToObj(i -> "BIND(CONCAT(?x" + i + ", ?x" + i + ") AS ?x" + (i + 1) + ")")
                .collect(Collectors.joining(" "));
        HttpResponse<String> response = whileOthersAreServed(
                "SELECT (STRLEN(?x30) AS ?n) WHERE { BIND(\"abcdefgh\" AS ?x0) " + doublings + " }", 30);
        // A cap on string functions may refuse the query before the heap is reached; either way, never a 500.
        assertTrue(response.statusCode() == 503 || response.statusCode() / 100 == 4,
                response.statusCode() + " " + response.body());
    }

    /** Sends {@code query}, checks the server serves others while it runs and after, and returns its answer. */
    private static HttpResponse<String> whileOthersAreServed(String query, int timeoutSeconds) throws Exception {
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(
                () -> http.get("/sparql?timeout=" + timeoutSeconds + "&query=" + Http.encode(query), "text/csv"));
        do {
            assertServing();
            Thread.sleep(1000);
        } while (!answer.isDone());
        HttpResponse<String> response = answer.get(CEILING.toSeconds(), TimeUnit.SECONDS);
        assertServing();
        assertTrue(server.isAlive(), server::toString);
        return response;
    }

    private static void assertServing() throws Exception {
        assertEquals(200, http.get("/$/ping", "text/plain").statusCode(), server.output());
        HttpResponse<String> ordinary = http.query("/sparql", ORDINARY, "text/csv");
        assertEquals(200, ordinary.statusCode(), ordinary.body());
        assertEquals(1 + 5, ordinary.body().lines().count(), ordinary.body());
    }
}
