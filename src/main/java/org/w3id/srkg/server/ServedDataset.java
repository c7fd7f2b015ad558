package org.w3id.srkg.server;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.w3id.srkg.dataset.UnionDefaultGraph;

/**
 * The dataset the server holds, whose content can be replaced while it serves.
 * <p>
 * A transaction begun here is pinned, for its whole length, to the dataset that was current when it began; a
 * {@link #swap} only changes what the next transaction sees. So a reader sees the old graph or the new one,
 * never a mix, and is never blocked or failed by a swap. Jena's {@code DatasetGraphSwitchable} cannot do this for
 * an in-memory dataset (it is TDB2's), and swapping the content of one in-memory dataset would need its
 * exclusive mode, which waits for every reader; replacing the reference needs neither, because a built dataset
 * is never written again: the old one simply serves its last readers and is collected.
 * <p>
 * The context (where {@code ARQ.queryTimeout} is set) belongs to this object, so it survives swaps.
 */
public final class ServedDataset extends DatasetGraphWrapper {

    private final AtomicReference<DatasetGraph> current;
    private final ThreadLocal<DatasetGraph> pinned = new ThreadLocal<>();

    /** Serves {@code built} (a dataset of named graphs) through a read-only union-default-graph view. */
    public ServedDataset(DatasetGraph built) {
        this(new AtomicReference<>(new UnionDefaultGraph(built)));
    }

    private ServedDataset(AtomicReference<DatasetGraph> current) {
        super(current.get(), new Context());
        this.current = current;
    }

    /** Serves {@code built} from the next transaction on; transactions already running keep the old graph. */
    public void swap(DatasetGraph built) {
        current.set(new UnionDefaultGraph(Objects.requireNonNull(built)));
    }

    @Override
    protected DatasetGraph get() {
        DatasetGraph inTransaction = pinned.get();
        return inTransaction != null ? inTransaction : current.get();
    }

    @Override
    public Context getContext() {
        return getCxt();
    }

    @Override
    public void begin() {
        begin(TxnType.READ);
    }

    @Override
    public void begin(ReadWrite readWrite) {
        begin(TxnType.convert(readWrite));
    }

    @Override
    public void begin(TxnType type) {
        DatasetGraph dataset = current.get();
        dataset.begin(type);
        pinned.set(dataset);
    }

    @Override
    public void end() {
        try {
            get().end();
        } finally {
            pinned.remove();
        }
    }
}
