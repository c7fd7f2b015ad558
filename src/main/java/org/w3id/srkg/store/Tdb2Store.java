package org.w3id.srkg.store;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Consumer;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.w3id.srkg.server.ServedDataset;

/**
 * A persistent TDB2 copy of the graph, for users whose data outgrows memory.
 * <p>
 * The whole content is replaced in one write transaction. TDB2 writes a transaction's changes beside the committed
 * state and makes them current only at commit, through its journal; a process killed at any moment before that
 * leaves the committed state as it was, and TDB2 recovers it on the next open. So a database holds exactly the old
 * content or exactly the new, never part of a load. TDB2's bulk loaders ({@code tdb2.tdbloader}) are faster on
 * an empty database but cannot clear the old content in the same transaction, which a replace needs.
 * <p>
 * TDB2 never overwrites in place: a replace appends the new content and leaves the old as garbage, so each build
 * grew the database (5.8 to 24 MiB over 19 builds). Every replace is therefore followed by a compaction, which
 * copies the live content into a new generation ({@code Data-0002} after {@code Data-0001}) and deletes the old one.
 * It is what Fuseki's {@code /$/compact?deleteOld=true} does on a live server: readers go on during the copy, and
 * the switch waits for the transactions under way.
 */
public final class Tdb2Store {

    private Tdb2Store() {
    }

    /** Opens (creating if absent) the database in {@code dir}. */
    public static DatasetGraph open(Path dir) {
        return DatabaseMgr.connectDatasetGraph(dir.toString());
    }

    /** Replaces the whole content of {@code database} with {@code source}'s quads, in one transaction. */
    public static void replace(DatasetGraph database, DatasetGraph source) {
        source.executeRead(() -> replace(database, source.find()));
    }

    /** Replaces the whole content of {@code database} with {@code quads}, in one transaction, then compacts it. */
    public static void replace(DatasetGraph database, Iterator<Quad> quads) {
        Txn.executeWrite(database, () -> {
            database.clear();
            quads.forEachRemaining(database::add);
        });
        DatabaseMgr.compact(database, true);
    }

    /**
     * What a reload does to the served database: replaces its content, and shows {@code served} the database
     * anew, so that what is kept per served dataset (the rendered downloads) is made again. The database is the
     * same object before and after, whose content changed underneath.
     */
    public static Consumer<DatasetGraph> reloadInto(DatasetGraph database, ServedDataset served) {
        return built -> {
            replace(database, built);
            served.swap(database);
        };
    }
}
