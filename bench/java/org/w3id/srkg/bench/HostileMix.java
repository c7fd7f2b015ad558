package org.w3id.srkg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The load of {@link HttpLoad} twice on one server: once alone, once while attackers send the requests that took
 * srkg down before (issue 14): a catastrophic REGEX, SERVICE calls to an endpoint that never answers (and the same
 * inside FILTER EXISTS), sorts and GROUP_CONCATs over a cross product, doubling CONCATs, a 20,000-element
 * collection, and request bodies dripped a byte every 5 s. Honest clients come from 127.0.0.1 and attackers from
 * 127.0.0.2 (two hosts to the server), then each attacker from an address of its own (21 hosts); a query attacker gives up after {@value #PATIENCE_MILLIS} ms and sends again,
 * at most every {@value #PATIENCE_MILLIS} ms, so abandoned queries pile up as they would behind an impatient script.
 */
public final class HostileMix {

    /** The endpoint name queries call with SERVICE; the server maps it to {@link HangingEndpoint}. */
    public static final String SERVICE = "https://query.wikidata.org/sparql";
    static final int PATIENCE_MILLIS = 200;
    /** The server's heap: the curated graph serves in 256 MiB; 2 GiB leaves room for honest queries. */
    static final long HEAP_MIB = 2048;
    /** A slow body declares this length and sends a byte every {@link #DRIP_MILLIS}. */
    static final int SLOW_BODY_LENGTH = 2016;
    static final int DRIP_MILLIS = 5000;
    /** An honest client waits this long for an answer; a request without one by then is a failure. */
    static final Duration HONEST_PATIENCE = Duration.ofSeconds(10);

    /** One kind of attack; {@code form} is null for the slow body, which sends no complete request. */
    public enum Attack {
        REGEX("SELECT * WHERE { BIND(REGEX(\"" + ",".repeat(200) + "\", \"(.*,){12}X\") AS ?x) }"),
        SERVICE_HANG("SELECT * WHERE { SERVICE <" + SERVICE + "> { ?s ?p ?o } }"),
        EXISTS_SERVICE("SELECT ?s WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <" + SERVICE + "> { ?s ?p ?o } } }"),
        SORT_CROSS_PRODUCT("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 10"),
        GROUP_CONCAT_CROSS_PRODUCT("SELECT (GROUP_CONCAT(STR(?c)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?f }"),
        DOUBLING_CONCAT(doublingConcat(28)),
        LONG_COLLECTION("SELECT * WHERE { ?s <http://example.org/p> ("
                + IntStream.range(0, 20_000).mapToObj(Integer::toString).collect(Collectors.joining(" ")) + ") }"),
        SLOW_BODY(null);

        final String query;

        Attack(String query) {
            this.query = query;
        }
    }

    /** Honest clients' load without attackers, and beside them from one address and from many. */
    public record Result(HttpLoad.Result alone, Phase oneAddress, Phase manyAddresses, int attackers,
                         boolean aliveAfter) {
    }

    /** Honest clients' load beside attackers; per attack, how its requests were answered. */
    public record Phase(HttpLoad.Result load, Map<Attack, Map<String, Long>> answers, long serviceConnections) {
    }

    private HostileMix() {
    }

    /** A doubling chain: each BIND concatenates the previous string with itself, {@code levels} times. */
    static String doublingConcat(int levels) {
        StringBuilder query = new StringBuilder("SELECT (STRLEN(?s" + levels + ") AS ?n) WHERE { BIND(\"")
                .append("x".repeat(16)).append("\" AS ?s0)");
        for (int i = 1; i <= levels; i++) {
            query.append(" BIND(CONCAT(?s").append(i - 1).append(", ?s").append(i - 1).append(") AS ?s").append(i).append(")");
        }
        return query.append(" }").toString();
    }

    /**
     * An endpoint that accepts every connection and never answers: what a SERVICE call meets at a remote that
     * hangs. Counts the connections made to it.
     */
    public static final class HangingEndpoint implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final AtomicLong connections = new AtomicLong();

        public HangingEndpoint() throws IOException {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hanging-endpoint");
            accept.setDaemon(true);
            accept.start();
        }

        /** The {@code --service-allow} entry that sends {@link #SERVICE} calls here. */
        public String allowEntry() {
            return SERVICE + "=http://127.0.0.1:" + server.getLocalPort() + "/sparql";
        }

        public long connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /**
     * Runs the honest load alone, then beside {@code attackers} attackers (the attacks in turn, one per attacker)
     * all from one address, then beside as many attackers each from an address of its own, and checks afterwards
     * that the server still answers {@code /$/ping}.
     */
    public static Result run(URI endpoint, List<String> mix, int clients, int attackers, Duration warmUp,
                             Duration measure, HangingEndpoint hanging) throws Exception {
        HttpLoad.Result alone = HttpLoad.run(endpoint, mix, clients, warmUp, measure, HONEST_PATIENCE, true);
        Phase oneAddress = attacked(endpoint, mix, clients, attackers, warmUp, measure, hanging, false);
        Phase manyAddresses = attacked(endpoint, mix, clients, attackers, warmUp, measure, hanging, true);
        boolean alive = RawHttp.get(endpoint.resolve("/$/ping"), InetAddress.getLoopbackAddress(), 10_000) == 200;
        return new Result(alone, oneAddress, manyAddresses, attackers, alive);
    }

    /** The honest load beside attackers from 127.0.0.2, or from 127.0.0.2, .3, … one each when {@code spread}. */
    private static Phase attacked(URI endpoint, List<String> mix, int clients, int attackers, Duration warmUp,
                                  Duration measure, HangingEndpoint hanging, boolean spread) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Map<Attack, Map<String, LongAdder>> answers = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        Attack[] kinds = Attack.values();
        long connectionsBefore = hanging.connections();
        for (int i = 0; i < attackers; i++) {
            Attack attack = kinds[i % kinds.length];
            InetAddress source = InetAddress.getByName("127.0.0." + (spread ? 2 + i : 2));
            Thread thread = new Thread(() -> attack(endpoint, source, attack, stop, answers),
                    "attacker-" + i + "-" + attack);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        HttpLoad.Result load;
        try {
            load = HttpLoad.run(endpoint, mix, clients, warmUp, measure, HONEST_PATIENCE, true);
        } finally {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(DRIP_MILLIS * 2L);
            }
        }
        Map<Attack, Map<String, Long>> counted = new TreeMap<>();
        answers.forEach((attack, byStatus) -> {
            Map<String, Long> counts = new TreeMap<>();
            byStatus.forEach((status, n) -> counts.put(status, n.sum()));
            counted.put(attack, counts);
        });
        return new Phase(load, counted, hanging.connections() - connectionsBefore);
    }

    private static void attack(URI endpoint, InetAddress source, Attack attack, AtomicBoolean stop,
                               Map<Attack, Map<String, LongAdder>> answers) {
        Map<String, LongAdder> byStatus = answers.computeIfAbsent(attack, a -> new ConcurrentHashMap<>());
        String form = attack.query == null ? null : "query=" + URLEncoder.encode(attack.query, StandardCharsets.UTF_8);
        while (!stop.get()) {
            long start = System.nanoTime();
            int status = form == null ? slowBody(endpoint, source, stop) : RawHttp.post(endpoint, source, form, PATIENCE_MILLIS);
            byStatus.computeIfAbsent(describe(status), s -> new LongAdder()).increment();
            long left = PATIENCE_MILLIS - (System.nanoTime() - start) / 1_000_000;
            if (left > 0) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Declares a body and drips it until the server answers or closes, or the run stops. */
    private static int slowBody(URI endpoint, InetAddress source, AtomicBoolean stop) {
        try (Socket socket = RawHttp.connect(endpoint, source, DRIP_MILLIS)) {
            OutputStream out = socket.getOutputStream();
            out.write(RawHttp.formHead(endpoint, SLOW_BODY_LENGTH));
            out.write("query=".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int sent = 6; sent < SLOW_BODY_LENGTH && !stop.get(); sent++) {
                if (socket.getInputStream().available() > 0) {
                    return RawHttp.status(socket.getInputStream());
                }
                Thread.sleep(DRIP_MILLIS);
                out.write('x');
                out.flush();
            }
            return stop.get() ? RawHttp.TIMED_OUT : RawHttp.status(socket.getInputStream());
        } catch (IOException e) {
            // The server gave up on the body and closed the connection: what it should do.
            return RawHttp.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RawHttp.TIMED_OUT;
        }
    }

    static String describe(int status) {
        return switch (status) {
            case RawHttp.TIMED_OUT -> "no answer in time";
            case RawHttp.NO_ANSWER -> "closed";
            default -> Integer.toString(status);
        };
    }
}
