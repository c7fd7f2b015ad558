package org.w3id.srkg.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a plain socket, for what the JDK's client cannot do: send from a chosen loopback
 * address (Linux accepts any 127.x.y.z as a source, so tests can be several clients), send a body slowly, or use a
 * method it refuses (TRACE). Each exchange is one connection ({@code Connection: close}) read to its end.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final String source;
    private final int port;

    /** A client at {@code source} (such as 127.0.0.2) talking to the server on 127.0.0.1:{@code port}. */
    public RawHttp(String source, int port) {
        this.source = source;
        this.port = port;
    }

    /** A status line, headers (names in lower case) and body as text (chunked bodies keep their chunk lines). */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A socket from this client's address to the server, its reads bounded by a timeout. */
    public Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    public Response get(String pathAndQuery, String... headers) {
        return exchange("GET", pathAndQuery, null, null, headers);
    }

    public Response post(String path, String contentType, String body, String... headers) {
        return exchange("POST", path, contentType, body, headers);
    }

    /** One request with its body (or none) and extra header lines ({@code "Name: value"}), and its whole answer. */
    public Response exchange(String method, String pathAndQuery, String contentType, String body, String... headers) {
        try (Socket socket = connect()) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ")
                        .append(content.length).append("\r\n");
            }
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            head.append("\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what the server sent on {@code socket} until it closes the connection. */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return parse(all.toByteArray());
    }

    private static Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
        String body = new String(bytes, end + 4, bytes.length - end - 4, StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
}
