package org.w3id.srkg.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Backs off a client that keeps failing the operator login: 30,701 wrong passwords in 30 s went through unchecked
 * (srkg issue 14). Each address has {@value #FREE_FAILURES} attempts; from then on each attempt opens a back-off of
 * one second, doubling up to {@link #MAX_BACK_OFF}, during which any request with credentials from that address is
 * answered 429 with {@code Retry-After} without its password being checked. A successful login ends it.
 * <p>
 * An attempt counts as a failure when it starts and is forgiven when it succeeds, so parallel guesses cannot all
 * pass before the first of them has failed. Requests without credentials are never counted: the public endpoints
 * need none, and an anonymous request to an operator endpoint checks no password.
 */
final class LoginThrottle extends Handler.Wrapper {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);
    /** Past this many addresses, those whose back-off ended long ago are forgotten. */
    private static final int FORGET_ABOVE = 10_000;

    private record Failures(int count, long until) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            return super.handle(request, response, callback);
        }
        String address = Request.getRemoteAddr(request);
        long now = NanoTime.now();
        long[] wait = new long[1];
        failures.compute(address, (a, seen) -> {
            if (seen != null && seen.count >= FREE_FAILURES && NanoTime.isBefore(now, seen.until)) {
                wait[0] = NanoTime.elapsed(now, seen.until);
                return seen;
            }
            int count = seen == null ? 1 : seen.count + 1;
            return new Failures(count, count < FREE_FAILURES ? now : now + backOff(count).toNanos());
        });
        if (wait[0] > 0) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS_429);
            long seconds = Math.max(1, (wait[0] + 999_999_999) / 1_000_000_000);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
            Content.Sink.write(response, true, "Too many failed logins from your address: retry later.\n", callback);
            return true;
        }
        forgetOld(now);
        return super.handle(request, new Response.Wrapper(request, response) {
            // Forgiven before the first byte of a successful answer leaves, so the client's next request finds it.
            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                if (HttpStatus.isSuccess(getStatus())) {
                    failures.remove(address);
                }
                super.write(last, content, written);
            }
        }, callback);
    }

    /** One second after the free attempts, doubling with each further one. */
    static Duration backOff(int failureCount) {
        int doublings = Math.min(failureCount - FREE_FAILURES, 20);
        Duration backOff = Duration.ofSeconds(1L << doublings);
        return backOff.compareTo(MAX_BACK_OFF) < 0 ? backOff : MAX_BACK_OFF;
    }

    private void forgetOld(long now) {
        if (failures.size() > FORGET_ABOVE) {
            failures.values().removeIf(f -> NanoTime.elapsed(f.until, now) > MAX_BACK_OFF.toNanos());
        }
    }
}
