package org.w3id.srkg.dataset;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphCollection;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.core.TransactionalLock;
import org.apache.jena.system.G;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * An in-memory dataset for data that is written once and then only read, as srkg's built graph is: each named
 * graph a {@link GraphMem2Fast}, and the union of the named graphs kept as one more such graph, made when it is
 * first read after a write.
 * <p>
 * Why not {@code DatasetGraphFactory.createTxnMem()}: its persistent maps make every added quad several hash-trie
 * updates, and a build writes about four quads per seed triple, so writing into it dominated the build (see
 * docs/BENCHMARKS.md). Why not {@code createGeneral()}, which holds the same graphs: its union graph asks every named
 * graph for every pattern and removes duplicates as it goes, so a query of the union default graph (every query srkg
 * serves) slows with the number of article graphs; it also adds an empty graph to the dataset whenever a graph it
 * does not have is asked for, which a concurrent reader must not do. Here a missing graph reads as empty and is
 * made by its first write.
 * <p>
 * Transactions are a multiple-reader, single-writer lock: readers run together, a writer alone, and an abort does
 * not undo writes (there is no journal). Write inside a write transaction, or through the dataset's own
 * {@code add} and {@code delete}: the union is remade after either.
 * <p>
 * Queries over it run in quad form ({@link QuadQueryEngine}).
 */
public final class InMemoryDataset extends DatasetGraphCollection {

    static {
        QuadQueryEngine.register();
    }

    private final Map<Node, Graph> graphs = new LinkedHashMap<>();
    private final Graph defaultGraph = new GraphMem2Fast();
    private final PrefixMap prefixes = PrefixMapFactory.create();
    private final Transactional lock = TransactionalLock.createMRSW();
    private final Graph unionView = new UnionView();
    /** The union of the named graphs, or null while it is out of date. */
    private volatile Graph union;

    @Override
    public Graph getDefaultGraph() {
        return defaultGraph;
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if (Quad.isUnionGraph(graphNode)) {
            return unionView;
        }
        if (Quad.isDefaultGraph(graphNode)) {
            return defaultGraph;
        }
        Graph graph = graphs.get(graphNode);
        return graph != null ? graph : GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Graph getUnionGraph() {
        return unionView;
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return Quad.isDefaultGraph(graphNode) || Quad.isUnionGraph(graphNode) || graphs.containsKey(graphNode);
    }

    /** Copies {@code graph}'s triples, replacing what the dataset held under that name. */
    @Override
    public void addGraph(Node graphName, Graph graph) {
        removeGraph(graphName);
        Graph copy = new GraphMem2Fast();
        graph.find().forEachRemaining(copy::add);
        graphs.put(graphName, copy);
    }

    /**
     * Takes {@code graph} itself as the named graph {@code graphName}, replacing what the dataset held under that
     * name: no copy, so a build does not pay for its seed triples twice. From then on the graph belongs to the
     * dataset; write into it only through the dataset.
     */
    public void adoptGraph(Node graphName, Graph graph) {
        removeGraph(graphName);
        graphs.put(graphName, graph);
    }

    @Override
    public void removeGraph(Node graphName) {
        graphs.remove(graphName);
        union = null;
    }

    @Override
    public void add(Quad quad) {
        Graph graph = quad.isDefaultGraph() || quad.isTriple() ? defaultGraph
                : graphs.computeIfAbsent(quad.getGraph(), g -> new GraphMem2Fast());
        graph.add(quad.asTriple());
        union = null;
    }

    @Override
    public void delete(Quad quad) {
        super.delete(quad);
        union = null;
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return graphs.keySet().iterator();
    }

    @Override
    public long size() {
        return graphs.size();
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }

    @Override
    protected Iter<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        Graph graph = Quad.isDefaultGraph(g) ? defaultGraph : graphs.get(g);
        return graph == null ? Iter.nullIter() : Iter.iter(G.triples2quads(g, graph.find(s, p, o)));
    }

    @Override
    public Iterator<Triple> findInUnionGraph(Node s, Node p, Node o) {
        return union().find(s, p, o);
    }

    @Override
    public Iterator<Quad> findQuadsInUnionGraph(Node s, Node p, Node o) {
        return G.triples2quads(Quad.unionGraph, union().find(s, p, o));
    }

    private Graph union() {
        Graph current = union;
        if (current == null) {
            synchronized (this) {
                current = union;
                if (current == null) {
                    current = new GraphMem2Fast();
                    for (Graph graph : graphs.values()) {
                        graph.find().forEachRemaining(current::add);
                    }
                    union = current;
                }
            }
        }
        return current;
    }

    @Override
    public void begin(TxnType type) {
        lock.begin(type);
        if (type != TxnType.READ) {
            union = null;
        }
    }

    @Override
    public void begin(ReadWrite readWrite) {
        begin(TxnType.convert(readWrite));
    }

    @Override
    public void begin() {
        begin(TxnType.READ);
    }

    @Override
    public boolean promote(Promote mode) {
        union = null;
        return lock.promote(mode);
    }

    @Override
    public void commit() {
        if (lock.transactionMode() == ReadWrite.WRITE) {
            union = null;
        }
        lock.commit();
    }

    @Override
    public void abort() {
        union = null;
        lock.abort();
    }

    @Override
    public void end() {
        // As Jena's transactional datasets do, a write transaction ended without a commit is an abort.
        if (lock.isInTransaction() && lock.transactionMode() == ReadWrite.WRITE) {
            abort();
        }
        lock.end();
    }

    @Override
    public ReadWrite transactionMode() {
        return lock.transactionMode();
    }

    @Override
    public TxnType transactionType() {
        return lock.transactionType();
    }

    @Override
    public boolean isInTransaction() {
        return lock.isInTransaction();
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionAbort() {
        return false;
    }

    /** The union as a read-only graph that always reads the current union. */
    private final class UnionView extends GraphBase {
        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            return union().find(pattern);
        }

        @Override
        public boolean graphBaseContains(Triple pattern) {
            return union().contains(pattern);
        }

        @Override
        protected int graphBaseSize() {
            return union().size();
        }
    }
}
