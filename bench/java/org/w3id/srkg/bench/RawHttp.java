package org.w3id.srkg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket bound to a chosen local address. The JDK's HttpClient (17) cannot choose its source
 * address, and a server that bounds work per client tells clients apart by it: on Linux every 127.x.y.z address is
 * loopback, so attackers from 127.0.0.2 and honest clients from 127.0.0.1 are two hosts to the server without any
 * traffic leaving the machine. Also the only way to send what no well-behaved client sends: a body that never ends.
 */
public final class RawHttp {

    /** No status line within the client's patience. */
    public static final int TIMED_OUT = -1;
    /** The connection failed or closed before a status line came. */
    public static final int NO_ANSWER = -2;

    private RawHttp() {
    }

    /** A socket from {@code source} to the endpoint's host and port; reads give up after {@code timeoutMillis}. */
    public static Socket connect(URI endpoint, InetAddress source, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    /** The head of a POST of {@code length} bytes of form to the endpoint, ready to be followed by the body. */
    public static byte[] formHead(URI endpoint, long length) {
        return ("POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: application/sparql-results+json\r\n"
                + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * POSTs a form and returns the status code of the answer, {@link #TIMED_OUT} or {@link #NO_ANSWER}; the
     * connection is closed afterwards either way, as an impatient client closes it.
     */
    public static int post(URI endpoint, InetAddress source, String form, int timeoutMillis) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        return exchange(endpoint, source, timeoutMillis, formHead(endpoint, body.length), body);
    }

    /** GETs a path and returns the status code, {@link #TIMED_OUT} or {@link #NO_ANSWER}. */
    public static int get(URI target, InetAddress source, int timeoutMillis) {
        byte[] head = ("GET " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return exchange(target, source, timeoutMillis, head, new byte[0]);
    }

    private static int exchange(URI target, InetAddress source, int timeoutMillis, byte[] head, byte[] body) {
        try (Socket socket = connect(target, source, timeoutMillis)) {
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            return status(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return TIMED_OUT;
        } catch (IOException e) {
            return NO_ANSWER;
        }
    }

    /** The status code of the status line the stream starts with. */
    static int status(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.length() < 200) {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return NO_ANSWER;
        }
        try {
            return Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            return NO_ANSWER;
        }
    }
}
