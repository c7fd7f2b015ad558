package org.w3id.srkg.store;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The process {@link Tdb2StoreTest} kills: replaces the content of a TDB2 database with a synthetic dataset.
 * Arguments: DIR LABEL COUNT [PAUSE_AFTER]. With PAUSE_AFTER it prints {@code PAUSED} once that many quads are
 * in the open transaction and then waits to be killed, so the kill lands mid-load every time; otherwise it prints
 * {@code DONE} after the commit.
 */
public final class Tdb2LoadChild {

    private Tdb2LoadChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        String label = args[1];
        int count = Integer.parseInt(args[2]);
        int pauseAfter = args.length > 3 ? Integer.parseInt(args[3]) : -1;
        DatasetGraph database = Tdb2Store.open(dir);
        Iterator<Quad> quads = synthetic(label, count);
        Tdb2Store.replace(database, pauseAfter < 0 ? quads : pausing(quads, pauseAfter));
        System.out.println("DONE");
        System.out.flush();
        database.close();
    }

    /** {@code count} quads over ten named graphs, each quad naming its dataset's label. */
    static Iterator<Quad> synthetic(String label, int count) {
        Node predicate = NodeFactory.createURI("https://w3id.org/srkg/test#" + label);
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public Quad next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Node graph = NodeFactory.createURI("https://w3id.org/srkg/graph/test/" + (i % 10));
                Node subject = NodeFactory.createURI("https://w3id.org/srkg/id/test/" + i);
                Quad quad = Quad.create(graph, subject, predicate, NodeFactory.createLiteralString(label + " " + i));
                i++;
                return quad;
            }
        };
    }

    private static Iterator<Quad> pausing(Iterator<Quad> quads, int pauseAfter) {
        return new Iterator<>() {
            int given;

            @Override
            public boolean hasNext() {
                if (given == pauseAfter) {
                    System.out.println("PAUSED");
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return quads.hasNext();
            }

            @Override
            public Quad next() {
                given++;
                return quads.next();
            }
        };
    }
}
