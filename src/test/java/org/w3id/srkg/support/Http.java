package org.w3id.srkg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP client for tests against a real server: every request has a client-side timeout, so none hangs.
 * It never follows redirects, so a test sees the status the server sent.
 */
public final class Http {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = newClient();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(REQUEST_TIMEOUT);
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public HttpResponse<String> query(String path, String query, String accept) {
        return get(path + "?query=" + encode(query), accept);
    }

    public HttpResponse<String> postQuery(String path, String query, String accept) {
        return send(request(path).header("Accept", accept).header("Content-Type", "application/sparql-query")
                .POST(BodyPublishers.ofString(query)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, BodyHandlers.ofString());
    }

    /**
     * A request with a body goes on a client of its own: a refused write is answered before its body is read and the
     * server then closes the connection, which a pooled client could hand to the next request, failing it.
     */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, BodyHandler<T> body) {
        HttpRequest built = request.build();
        boolean bodyless = built.method().equals("GET") || built.method().equals("HEAD");
        try {
            return (bodyless ? client : newClient()).send(built, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }
}
