package org.w3id.srkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A SERVICE call's response body as an {@link InputStream} whose reads give up at the call's
 * {@link ServiceCallDeadline}, and whose {@link #close} drops the connection.
 * <p>
 * The JDK's own {@code BodySubscribers.ofInputStream()} blocks a read with no time limit, and closing it does not
 * wake a read that is waiting: a remote that sends headers and then trickles (or nothing) would hold the query's
 * thread. Here every wait is a short poll that looks at the deadline; buffers are requested one batch at a time, so
 * no more of the body is held than the parser has not yet read.
 */
final class ServiceResponseBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

    private static final Object END = new Object();

    private final ServiceCallDeadline deadline;
    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private Iterator<ByteBuffer> batch = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean ended;
    private volatile boolean closed;
    private volatile ServiceCallException failure;

    ServiceResponseBody(ServiceCallDeadline deadline) {
        this.deadline = deadline;
    }

    /** Why reading failed, when it was the call (deadline, connection) and not the content; else null. */
    ServiceCallException failure() {
        return failure;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
        subscription.complete(s);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        arrived.add(buffers);
    }

    @Override
    public void onError(Throwable error) {
        arrived.add(error);
    }

    @Override
    public void onComplete() {
        arrived.add(END);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, current.remaining());
        current.get(into, offset, n);
        return n;
    }

    /** Makes {@link #current} hold bytes; false at the end of the body. */
    private boolean fill() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (ended) {
                return false;
            }
            if (batch.hasNext()) {
                current = batch.next();
                continue;
            }
            if (current != null) {
                current = null;
                subscription.join().request(1);
            }
            Object next = poll();
            if (next == END) {
                ended = true;
            } else if (next instanceof Throwable error) {
                throw fail(new ServiceCallException(ServiceCallException.BAD_GATEWAY,
                        "the connection to " + deadline.endpoint() + " failed before the answer was complete ("
                                + error.getClass().getSimpleName() + ")"));
            } else {
                @SuppressWarnings("unchecked")
                List<ByteBuffer> buffers = (List<ByteBuffer>) next;
                batch = buffers.iterator();
                current = ByteBuffer.allocate(0);
            }
        }
        return true;
    }

    private Object poll() throws IOException {
        while (true) {
            if (closed) {
                throw new IOException("closed");
            }
            if (deadline.passed()) {
                throw fail(deadline.expired("no complete answer"));
            }
            try {
                Object next = arrived.poll(deadline.pollNanos(), TimeUnit.NANOSECONDS);
                if (next != null) {
                    return next;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(deadline.expired("no complete answer"));
            }
        }
    }

    private IOException fail(ServiceCallException why) {
        failure = why;
        close();
        return new IOException(why.getMessage(), why);
    }

    /** Stops the transfer: the JDK client then closes the connection rather than read the rest. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscription.thenAccept(Flow.Subscription::cancel);
    }
}
