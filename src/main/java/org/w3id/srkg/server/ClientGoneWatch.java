package org.w3id.srkg.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.jena.sparql.exec.QueryExec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Aborts a query whose client has closed its connection. srkg computes a whole result before sending a byte, so Jetty
 * never writes, and never learns, while a query runs, that nobody waits for it: an impatient client that gives up
 * and asks again leaves its abandoned queries running to the timeout, each holding one of Fuseki's threads, and
 * twenty such clients take them all (issue 14). The kernel knows: a connection the peer closed is in CLOSE_WAIT on
 * this side, or gone. Every {@value #PERIOD_MILLIS} ms, while queries run, the watch reads the kernel's TCP tables
 * (Linux's {@code /proc/net/tcp} and {@code tcp6}; elsewhere it does nothing) and aborts the queries whose connection
 * is in neither ESTABLISHED nor another open state. A client that half-closes its side after sending the request
 * (rare: no browser or SPARQL library does) would see its query aborted too.
 */
final class ClientGoneWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ClientGoneWatch.class);
    private static final long PERIOD_MILLIS = 250;
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** The states of a connection the peer has closed: CLOSE_WAIT, LAST_ACK, CLOSING, CLOSE. */
    private static final Set<String> PEER_CLOSED = Set.of("08", "09", "0B", "07");

    private record Watched(int localPort, int remotePort, QueryExec exec) {
    }

    private static final class Shared {
        static final ClientGoneWatch WATCH = new ClientGoneWatch();
    }

    private final boolean available = Files.isReadable(TABLES.get(0));
    private final Set<Watched> running = ConcurrentHashMap.newKeySet();

    private ClientGoneWatch() {
        if (available) {
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "srkg-client-gone-watch");
                thread.setDaemon(true);
                return thread;
            });
            ticks.scheduleWithFixedDelay(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    static ClientGoneWatch shared() {
        return Shared.WATCH;
    }

    /** Evaluates a query on this thread, aborted if the client of {@code request} goes away meanwhile. */
    <T> T run(HttpServletRequest request, QueryExec exec, Supplier<T> evaluation) {
        if (!available) {
            return evaluation.get();
        }
        Watched watched = new Watched(request.getLocalPort(), request.getRemotePort(), exec);
        running.add(watched);
        try {
            return evaluation.get();
        } finally {
            running.remove(watched);
        }
    }

    private void tick() {
        if (running.isEmpty()) {
            return;
        }
        try {
            Map<Long, String> states = states();
            for (Watched watched : running) {
                String state = states.get(key(watched.localPort(), watched.remotePort()));
                if (state == null || PEER_CLOSED.contains(state)) {
                    running.remove(watched);
                    LOG.info("client on port {} went away: query aborted", watched.remotePort());
                    watched.exec().abort();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the TCP tables: {}", e.toString());
        }
    }

    /** Connection state by local and remote port, from every table. */
    private static Map<Long, String> states() throws IOException {
        Map<Long, String> states = new HashMap<>();
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3) {
                    states.put(key(port(fields[1]), port(fields[2])), fields[3]);
                }
            }
        }
        return states;
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }

    private static long key(int localPort, int remotePort) {
        return ((long) localPort << 16) | remotePort;
    }
}
