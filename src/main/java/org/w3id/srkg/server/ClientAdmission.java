package org.w3id.srkg.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A bound on the queries one client runs at once, as public endpoints do it (Wikidata's query service allows a few
 * concurrent queries per address and answers 429 beyond). Eighteen clients repeating one heavy query cut everyone
 * else from 200 to 7 queries a second (srkg issue 14): the thread pool and the CPU went to whoever asked most.
 * <p>
 * A client is its remote address. It runs at most {@link #DEFAULT_CONCURRENT} queries; further ones wait, without a
 * thread, up to {@link #MAX_WAIT} in a queue of at most {@value #WAITING_PER_RUNNING} per running query, and are
 * then answered 429 with {@code Retry-After}; so are those that find the queue full. Only the query paths are
 * bounded: pages and downloads are cheap.
 */
final class ClientAdmission extends Handler.Wrapper {

    /**
     * Half the cores, and at least two. Half: one client's CPU-bound queries can take at most half the machine, the
     * rest stays with everyone else, and each query is still bounded by the timeout. Two: a client can run a quick
     * query beside a long one (the query page while a notebook waits), and the benchmark's 8 closed-loop clients from
     * one address fit in the running and waiting places of a 2-core machine.
     */
    static final int DEFAULT_CONCURRENT = Math.max(2, Runtime.getRuntime().availableProcessors() / 2);
    static final int WAITING_PER_RUNNING = 4;
    /** Long enough for a burst of cheap queries (milliseconds each) to pass in turn, short next to the timeout. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    static final String RETRY_AFTER_SECONDS = Long.toString(MAX_WAIT.toSeconds());

    private final Set<String> paths;
    private final int concurrent;
    /** The clients with queries running or waiting; guarded by itself. */
    private final Map<String, Client> clients = new HashMap<>();

    ClientAdmission(Set<String> paths, int concurrent) {
        this.paths = Set.copyOf(paths);
        this.concurrent = concurrent;
    }

    private static final class Client {
        int running;
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    }

    private static final class Waiting {
        final Request request;
        final Response response;
        final Callback callback;
        Scheduler.Task expiry;

        Waiting(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!paths.contains(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        String address = Request.getRemoteAddr(request);
        synchronized (clients) {
            Client client = clients.computeIfAbsent(address, a -> new Client());
            if (client.running < concurrent) {
                client.running++;
            } else if (client.waiting.size() < concurrent * WAITING_PER_RUNNING) {
                Waiting waiting = new Waiting(request, response, callback);
                waiting.expiry = request.getComponents().getScheduler().schedule(() -> expire(address, waiting),
                        MAX_WAIT);
                client.waiting.add(waiting);
                return true;
            } else {
                tooMany(response, callback);
                return true;
            }
        }
        run(address, request, response, callback);
        return true;
    }

    private void run(String address, Request request, Response response, Callback callback) {
        Callback releasing = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                release(address);
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                release(address);
                super.failed(failure);
            }
        };
        try {
            if (!super.handle(request, response, releasing)) {
                Response.writeError(request, response, releasing, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable t) {
            releasing.failed(t);
        }
    }

    /** Hands the finished query's place to the client's next waiting query, if any. */
    private void release(String address) {
        Waiting next;
        synchronized (clients) {
            Client client = clients.get(address);
            next = client.waiting.poll();
            if (next == null && --client.running == 0) {
                clients.remove(address);
            }
        }
        if (next != null) {
            next.expiry.cancel();
            // Not on the finishing request's thread: it may be one Jetty must not block.
            next.request.getComponents().getExecutor()
                    .execute(() -> run(address, next.request, next.response, next.callback));
        }
    }

    private void expire(String address, Waiting waiting) {
        synchronized (clients) {
            Client client = clients.get(address);
            if (client == null || !client.waiting.remove(waiting)) {
                return; // already running
            }
        }
        tooMany(waiting.response, waiting.callback);
    }

    private void tooMany(Response response, Callback callback) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS_429);
        // The query paths are open to every origin (CorsFilter, which this answer does not pass through).
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        Content.Sink.write(response, true, "Too many queries at once from your address: at most "
                + concurrent + " run at a time. Retry after " + RETRY_AFTER_SECONDS + " s.\n", callback);
    }
}
