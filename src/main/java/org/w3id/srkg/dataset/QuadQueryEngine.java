package org.w3id.srkg.dataset;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.AlgebraQuad;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpDatasetNames;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadBlock;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPeek;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.main.QueryEngineMain;
import org.apache.jena.sparql.engine.main.solver.PatternMatchData;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderLib;
import org.apache.jena.sparql.engine.optimizer.reorder.ReorderTransformation;
import org.apache.jena.sparql.util.Context;

/**
 * ARQ's main engine for queries over an {@link InMemoryDataset} (directly or through views such as
 * {@link UnionDefaultGraph}), except that {@code GRAPH ?g { … }} is evaluated in quad form, as TDB does: its
 * patterns are matched as quads against every named graph at once, binding {@code ?g} from each match.
 * <p>
 * The main engine evaluates {@code GRAPH ?g { … }} by running the pattern once per named graph for every incoming
 * binding. srkg has a graph per article and its provenance queries join on {@code ?g}, so that cost grew with the
 * number of articles. Everything else (the union default graph, {@code GRAPH <iri>}) stays with the main engine,
 * which matches triples in one indexed graph faster than quads can be. The quad
 * matching is Jena's ({@link PatternMatchData}); the triples are put in the order the main engine would use
 * (Jena's fixed reordering of the pattern grounded by the first incoming binding, as {@code StageGeneratorGeneric}
 * does), because the quad matcher takes them as written.
 */
public final class QuadQueryEngine implements QueryEngineFactory {

    private static final QuadQueryEngine FACTORY = new QuadQueryEngine();
    private static final ReorderTransformation REORDER = ReorderLib.fixed();

    private QuadQueryEngine() {
    }

    /** Idempotent; {@link InMemoryDataset} calls it when its class is loaded. */
    static synchronized void register() {
        if (!QueryEngineRegistry.get().contains(FACTORY)) {
            QueryEngineRegistry.addFactory(FACTORY);
        }
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return isInMemory(dataset);
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
        return new QueryEngineMain(query, dataset, input, withExecutor(context)).getPlan();
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
        return isInMemory(dataset);
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
        return new QueryEngineMain(op, dataset, input, withExecutor(context)).getPlan();
    }

    private static Context withExecutor(Context context) {
        Context copy = context.copy();
        QC.setFactory(copy, GraphVariableExecutor::new);
        return copy;
    }

    private static boolean isInMemory(DatasetGraph dataset) {
        DatasetGraph inner = dataset;
        while (inner instanceof DatasetGraphWrapper wrapper) {
            inner = wrapper.getWrapped();
        }
        return inner instanceof InMemoryDataset;
    }

    /**
     * The main engine's executor, with {@code GRAPH ?g { … }} turned into quad form (Jena's {@link AlgebraQuad}) and
     * its quad patterns matched against the dataset, when the whole group converts to quad patterns; a group that
     * does not (a property path, an empty group) is left to the main engine.
     */
    private static final class GraphVariableExecutor extends OpExecutor {

        GraphVariableExecutor(ExecutionContext context) {
            super(context);
        }

        @Override
        protected QueryIterator execute(OpGraph opGraph, QueryIterator input) {
            if (!opGraph.getNode().isVariable()) {
                return super.execute(opGraph, input);
            }
            Op quads = AlgebraQuad.quadize(opGraph);
            return onlyQuadPatterns(quads) ? exec(quads, input) : super.execute(opGraph, input);
        }

        @Override
        protected QueryIterator execute(OpQuadPattern quadPattern, QueryIterator input) {
            BasicPattern pattern = quadPattern.getBasicPattern();
            if (pattern.size() >= 2 && input.hasNext()) {
                BasicPattern grounded = pattern;
                if (!input.isJoinIdentity()) {
                    QueryIterPeek peek = QueryIterPeek.create(input, execCxt);
                    input = peek;
                    grounded = Substitute.substitute(pattern, peek.peek());
                }
                pattern = REORDER.reorderIndexes(grounded).reorder(pattern);
            }
            return PatternMatchData.execute(execCxt.getDataset(), quadPattern.getGraphNode(), pattern, input, null,
                    execCxt);
        }

        /** Whether the graph-specific parts are all quad patterns, the one quad operator this executor runs. */
        private static boolean onlyQuadPatterns(Op op) {
            boolean[] other = {false};
            OpWalker.walk(op, new OpVisitorBase() {
                @Override
                public void visit(OpGraph graph) {
                    other[0] = true;
                }

                @Override
                public void visit(OpDatasetNames names) {
                    other[0] = true;
                }

                @Override
                public void visit(OpQuad quad) {
                    other[0] = true;
                }

                @Override
                public void visit(OpQuadBlock block) {
                    other[0] = true;
                }
            });
            return !other[0];
        }
    }
}
