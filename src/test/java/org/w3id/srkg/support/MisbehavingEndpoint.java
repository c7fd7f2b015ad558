package org.w3id.srkg.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SPARQL endpoint on 127.0.0.1 that misbehaves in the way its request path names, over a raw socket so a test sees
 * each connection: how many were opened per path (a retry is a second one) and how many the caller has closed.
 * <ul>
 * <li>{@code /hang}: accepts and reads the request, never answers;</li>
 * <li>{@code /drip}: sends a 200 and a result's head, then one row a second, forever;</li>
 * <li>{@code /flood}: sends rows as fast as the caller reads them, forever;</li>
 * <li>{@code /status/NNN}: answers with status NNN (a 302 points at {@code /hang});</li>
 * <li>{@code /empty}: answers an empty result at once.</li>
 * </ul>
 * Every answer closes its connection, so one connection is one request.
 */
public final class MisbehavingEndpoint implements AutoCloseable {

    private static final String HEAD = "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[";
    private static final String ROW = "{\"x\":{\"type\":\"literal\",\"value\":\"row\"}},\n";

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "misbehaving-endpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> closed = new ConcurrentHashMap<>();

    private MisbehavingEndpoint() throws IOException {
        socket = new ServerSocket(0, 200, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::acceptAll);
    }

    public static MisbehavingEndpoint start() throws IOException {
        return new MisbehavingEndpoint();
    }

    /** The URL of the behaviour at {@code path}, e.g. "/hang", to map a public name to. */
    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** Connections opened for {@code path}. */
    public int opened(String path) {
        return opened.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    /** Connections for {@code path} that the caller has closed (or that failed on the caller's side). */
    public int closed(String path) {
        return closed.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                threads.execute(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        String path = "?";
        try (connection) {
            InputStream in = connection.getInputStream();
            path = requestPath(in);
            count(opened, path);
            OutputStream out = connection.getOutputStream();
            if (path.equals("/hang")) {
                while (in.read() >= 0) {
                    // Waits for the caller to give up.
                }
            } else if (path.equals("/drip") || path.equals("/flood")) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                        + "Connection: close\r\n\r\n" + HEAD).getBytes(StandardCharsets.UTF_8));
                byte[] row = ROW.getBytes(StandardCharsets.UTF_8);
                byte[] rows = ROW.repeat(1000).getBytes(StandardCharsets.UTF_8);
                while (true) {
                    out.write(path.equals("/drip") ? row : rows);
                    out.flush();
                    if (path.equals("/drip")) {
                        Thread.sleep(1000);
                    }
                }
            } else if (path.startsWith("/status/")) {
                String status = path.substring("/status/".length());
                String body = "remote failure " + status;
                out.write(("HTTP/1.1 " + status + " Status\r\nLocation: " + url("/hang") + "\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                        + body).getBytes(StandardCharsets.UTF_8));
                out.flush();
            } else {
                String body = HEAD + "]}}";
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: "
                        + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            count(closed, path);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (path.equals("/hang")) {
            count(closed, path);
        }
    }

    private static void count(Map<String, AtomicInteger> counts, String path) {
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    /** Reads the request line and headers; the body, if any, is left unread. */
    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String target = head.toString(StandardCharsets.ISO_8859_1).split(" ", 3)[1];
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
