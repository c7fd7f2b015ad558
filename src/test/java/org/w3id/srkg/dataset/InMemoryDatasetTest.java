package org.w3id.srkg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

class InMemoryDatasetTest {

    private static final Node G1 = uri("g1");
    private static final Node G2 = uri("g2");
    private static final Triple SHARED = Triple.create(uri("s"), uri("p"), uri("o"));
    private static final Triple ONLY_G2 = Triple.create(uri("s"), uri("p"), uri("o2"));

    @Test
    void unionHoldsEachTripleOfTheNamedGraphsOnce() {
        DatasetGraph dataset = twoGraphs();
        assertEquals(Set.of(SHARED, ONLY_G2), Set.copyOf(dataset.getUnionGraph().find().toList()));
        assertEquals(2, dataset.getUnionGraph().size());
        assertEquals(2, Txn.calculateRead(dataset,
                () -> dataset.stream(Quad.unionGraph, Node.ANY, Node.ANY, Node.ANY).count()));
    }

    @Test
    void unionFollowsLaterWrites() {
        DatasetGraph dataset = twoGraphs();
        assertEquals(2, dataset.getUnionGraph().size());
        Triple more = Triple.create(uri("s3"), uri("p"), uri("o"));
        Txn.executeWrite(dataset, () -> dataset.getGraph(G1).add(more));
        assertTrue(dataset.getUnionGraph().contains(more));
        dataset.delete(G2, ONLY_G2.getSubject(), ONLY_G2.getPredicate(), ONLY_G2.getObject());
        assertFalse(dataset.getUnionGraph().contains(ONLY_G2));
        assertTrue(dataset.getUnionGraph().contains(SHARED), "still in g1");
    }

    @Test
    void aMissingGraphReadsEmptyAndIsNotMadeByReading() {
        DatasetGraph dataset = twoGraphs();
        assertTrue(dataset.getGraph(uri("nowhere")).isEmpty());
        assertFalse(dataset.containsGraph(uri("nowhere")));
        assertEquals(List.of(G1, G2), Iter.toList(dataset.listGraphNodes()));
    }

    @Test
    void theUnionIsReadOnly() {
        DatasetGraph dataset = twoGraphs();
        assertThrows(AddDeniedException.class, () -> dataset.getUnionGraph().add(ONLY_G2));
    }

    private static DatasetGraph twoGraphs() {
        DatasetGraph dataset = new InMemoryDataset();
        dataset.begin(TxnType.WRITE);
        dataset.add(G1, SHARED.getSubject(), SHARED.getPredicate(), SHARED.getObject());
        dataset.add(G2, SHARED.getSubject(), SHARED.getPredicate(), SHARED.getObject());
        dataset.add(G2, ONLY_G2.getSubject(), ONLY_G2.getPredicate(), ONLY_G2.getObject());
        dataset.commit();
        dataset.end();
        return dataset;
    }

    private static Node uri(String name) {
        return NodeFactory.createURI("http://example.org/" + name);
    }
}
