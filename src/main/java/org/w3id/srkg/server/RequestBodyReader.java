package org.w3id.srkg.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's whole body before the request is handled, without a thread, and within a deadline. Fuseki's
 * servlets read a body with blocking reads, each holding one of its 20 threads; twenty clients that declared a body
 * and sent one byte every few seconds held them all, and every other request waited (srkg issue 14). Here the body
 * arrives through Jetty's asynchronous reads, so a slow client costs a connection and the bytes it sent, no thread,
 * and the servlet later reads the body from memory. Fuseki keeps the whole body in memory anyway (as the query or
 * form), so buffering it first costs nothing more.
 * <p>
 * A body must arrive within {@link #deadline}: {@value #GRACE_SECONDS} s plus its declared length at
 * {@value #MIN_BYTES_PER_SECOND} bytes/s, as Apache's mod_reqtimeout bounds a body by a time and a minimum rate.
 * A client that misses it gets 408 and its connection is closed. Jetty's connector idle timeout (30 s) only notices
 * silence, never a trickle; headers are read by Jetty without a thread and are bounded by its header size limit.
 * <p>
 * Bodies longer than {@code maxBytes} are read to be dropped, up to {@link RequestSizeLimitFilter#READ_BEFORE_REFUSING}
 * times it, so that the filter can answer 413 to a client that sends its whole body first; longer ones and bodies
 * without a declared length are left to the filter, which refuses them unread.
 */
final class RequestBodyReader extends Handler.Wrapper {

    static final long GRACE_SECONDS = 10;
    /** A 1 MiB query (the default body limit) may take 26 s: a link of about half a megabit per second. */
    static final long MIN_BYTES_PER_SECOND = 64 * 1024;

    private final long maxBytes;

    RequestBodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** How long a body of this declared length may take to arrive. */
    static Duration deadline(long declaredLength) {
        return Duration.ofSeconds(GRACE_SECONDS).plusMillis(declaredLength * 1000 / MIN_BYTES_PER_SECOND);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        if (length <= 0 || length > RequestSizeLimitFilter.READ_BEFORE_REFUSING * maxBytes) {
            return super.handle(request, response, callback);
        }
        CompletableFuture<ByteBuffer> body = length <= maxBytes
                ? Content.Source.asByteBufferAsync(request, (int) maxBytes)
                : dropped(request);
        if (body.isDone() && !body.isCompletedExceptionally()) {
            return handleBuffered(request, body.join(), response, callback);
        }
        AtomicBoolean settled = new AtomicBoolean();
        Scheduler.Task timeout = request.getComponents().getScheduler().schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                // The body being unread, Jetty closes the connection after the 408.
                Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408,
                        "The request body did not arrive within " + deadline(length).toSeconds() + " s");
            }
        }, deadline(length));
        body.whenComplete((buffer, failure) -> {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            timeout.cancel();
            if (failure != null) {
                callback.failed(failure);
                return;
            }
            // The last bytes may have been read on one of Jetty's selector threads, which must not run a servlet.
            request.getComponents().getExecutor().execute(() -> {
                try {
                    handleBuffered(request, buffer, response, callback);
                } catch (Throwable t) {
                    callback.failed(t);
                }
            });
        });
        return true;
    }

    private boolean handleBuffered(Request request, ByteBuffer body, Response response, Callback callback)
            throws Exception {
        if (!super.handle(new BufferedRequest(request, body), response, callback)) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        }
        return true;
    }

    private static CompletableFuture<ByteBuffer> dropped(Request request) {
        CompletableFuture<ByteBuffer> done = new CompletableFuture<>();
        Content.Source.consumeAll(request, Callback.from(() -> done.complete(ByteBuffer.allocate(0)),
                done::completeExceptionally));
        return done;
    }

    /** The request with its body served from memory. */
    private static final class BufferedRequest extends Request.Wrapper {
        private final Content.Source body;

        BufferedRequest(Request request, ByteBuffer body) {
            super(request);
            this.body = Content.Source.from(body);
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }

        @Override
        public boolean consumeAvailable() {
            Content.Chunk chunk;
            while ((chunk = body.read()) != null && !chunk.isLast()) {
                chunk.release();
            }
            return true;
        }
    }
}
