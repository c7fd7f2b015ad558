package org.w3id.srkg.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a loopback address that counts every request it receives and answers each with an empty
 * SPARQL result (or a redirect), so a test can tell whether anything was sent to it (and a positive control can show it counts).
 */
public final class HitCountingEndpoint implements AutoCloseable {

    private static final byte[] EMPTY_RESULT = "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[]}}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    private HitCountingEndpoint(InetAddress address, String redirect) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            if (redirect != null) {
                exchange.getResponseHeaders().set("Location", redirect);
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, EMPTY_RESULT.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(EMPTY_RESULT);
            }
        });
        server.start();
    }

    /** Listens on {@code address} (a literal such as "127.0.0.1" or "::1"), on a free port. */
    public static HitCountingEndpoint start(String address) throws IOException {
        return new HitCountingEndpoint(InetAddress.getByName(address), null);
    }

    /** As {@link #start(String)}, but answering every request with a redirect to {@code location}. */
    public static HitCountingEndpoint redirecting(String address, String location) throws IOException {
        return new HitCountingEndpoint(InetAddress.getByName(address), location);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
