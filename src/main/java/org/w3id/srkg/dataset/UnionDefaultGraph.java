package org.w3id.srkg.dataset;

import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphReadOnly;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphReadOnly;

/**
 * A read-only view of a dataset whose default graph is the union of its named graphs, so a plain query
 * sees everything while {@code GRAPH ?g} still tells where each statement comes from.
 * <p>
 * Jena's union-default-graph setting ({@code tdb2:unionDefaultGraph}) is honoured only by TDB's query
 * engine; for an in-memory dataset the view has to be made, which is what {@code DynamicDatasets} does
 * for {@code FROM <urn:x-arq:UnionGraph>}. Unlike that, this view keeps the one underlying dataset, so its
 * transactions are the dataset's own. It is marked {@link DatasetGraphWrapperView} because otherwise ARQ
 * unwraps dataset wrappers before running a query and would never see the changed default graph.
 */
public final class UnionDefaultGraph extends DatasetGraphReadOnly implements DatasetGraphWrapperView {

    private final Graph union;

    public UnionDefaultGraph(DatasetGraph dataset) {
        super(dataset);
        this.union = new GraphReadOnly(dataset.getUnionGraph());
    }

    @Override
    public Graph getDefaultGraph() {
        return union;
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return super.find(unionFor(g), s, p, o);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return super.contains(unionFor(g), s, p, o);
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    private static Node unionFor(Node graphName) {
        return graphName != null && Quad.isDefaultGraph(graphName) ? Quad.unionGraph : graphName;
    }
}
