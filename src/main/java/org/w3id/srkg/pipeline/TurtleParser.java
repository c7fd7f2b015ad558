package org.w3id.srkg.pipeline;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.CDTAwareParserProfile;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.MapWithScope;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.ParserProfileWrapper;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.srkg.pipeline.ParsedSeeds.Position;

/**
 * Parses every seed file strictly: RIOT warnings count as errors, and the problems of all files are
 * collected before failing, so one run shows everything that needs fixing. Where each triple was written is
 * found again when a later stage must name the line a curator has to fix (see {@link #positions}).
 */
public final class TurtleParser {

    /**
     * Deepest nesting of blank nodes {@code [ … ]} and collections {@code ( … )} a seed may have (see
     * {@link SeedText}). The seeds nest 3 deep at most and a hand-written description has no reason to go past a
     * handful; Jena's parser uses a few stack frames per level and would overflow only thousands of levels deep.
     * 64 is far from both.
     */
    public static final int MAX_NESTING = 64;

    private TurtleParser() {
    }

    public static ParsedSeeds parse(List<SeedFile> files) throws PipelineException {
        Map<SeedFile, Graph> graphs = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (SeedFile file : files) {
            Graph graph = GraphFactory.createDefaultGraph();
            parse(file, StreamRDFLib.graph(graph), null, problems);
            graphs.put(file, graph);
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(problems);
        }
        return new ParsedSeeds(graphs, new Positions(), Map.of());
    }

    /**
     * Where each triple of a file that parsed cleanly is written: the file is read again. Positions are wanted only
     * to point at a problem, so they are not kept for every triple of every build; at a million triples keeping
     * them cost a third of the parse.
     */
    static Map<Triple, Position> positions(SeedFile file) {
        Map<Triple, Position> where = new HashMap<>();
        parse(file, StreamRDFLib.sinkNull(), where, new ArrayList<>());
        return where;
    }

    private static void parse(SeedFile file, StreamRDF output, Map<Triple, Position> where, List<Problem> problems) {
        String text = SeedText.read(file, problems);
        if (text == null) {
            return;
        }
        Collector collector = new Collector(file.relative(), problems);
        try {
            read(file, new StringReader(text), collector, where, output);
        } catch (RiotParseException e) {
            if (!collector.sawFatal) {
                problems.add(new Problem(file.relative(), e.getLine(), e.getCol(), e.getOriginalMessage()));
            }
        } catch (RiotException e) {
            // A fatal error has already been recorded by the collector; anything else has not.
            if (!collector.sawFatal) {
                problems.add(Problem.inFile(file.relative(), e.getMessage()));
            }
        }
    }

    /**
     * What {@code RDFParser.source(path).lang(TURTLE).checking(true)} does, except that the parser profile is
     * ours: RDFParser builds its profile privately, and only the profile is told where each triple was read
     * (recorded in {@code where} unless it is null).
     */
    private static void read(SeedFile file, Reader in, ErrorHandler errors, Map<Triple, Position> where,
                             StreamRDF output) {
        String base = IRILib.filenameToIRI(file.path().toString());
        ParserProfile standard = new CDTAwareParserProfile(RiotLib.factoryRDF(scopedBlankNodes(file.relative())),
                errors, IRIxResolver.create().base(base).build(), PrefixMapFactory.create(), RIOT.getContext().copy(),
                true, false);
        ParserProfile profile = where == null ? standard : new ParserProfileWrapper(standard) {
            @Override
            public Triple createTriple(Node subject, Node predicate, Node object, long line, long col) {
                Triple triple = super.createTriple(subject, predicate, object, line, col);
                where.putIfAbsent(triple, new Position(line, col));
                return triple;
            }
        };
        RDFParserRegistry.getFactory(Lang.TURTLE).create(Lang.TURTLE, profile)
                .read(in, base, Lang.TURTLE.getContentType(), output, RIOT.getContext().copy());
    }

    /**
     * Blank nodes labelled by file and by order of appearance: stable from build to build, and a
     * {@code _:x} in one file is never the same node as {@code _:x} in another.
     * '/' and '#' cannot occur in a Turtle blank node label, so the two kinds of label cannot collide.
     */
    private static LabelToNode scopedBlankNodes(String scope) {
        AtomicLong anonymous = new AtomicLong();
        MapWithScope.ScopePolicy<String, Node, Node> noScopeMap = new MapWithScope.ScopePolicy<>() {
            @Override
            public Map<String, Node> getScope(Node graphScope) {
                return null;
            }

            @Override
            public void clear() {
            }
        };
        MapWithScope.Allocator<String, Node, Node> allocator = new MapWithScope.Allocator<>() {
            @Override
            public Node alloc(Node graphScope, String label) {
                return NodeFactory.createBlankNode(scope + "/" + label);
            }

            @Override
            public Node create() {
                return NodeFactory.createBlankNode(scope + "#" + anonymous.getAndIncrement());
            }

            @Override
            public void reset() {
                anonymous.set(0);
            }
        };
        return new LabelToNode(noScopeMap, allocator);
    }

    /** Records warnings and errors and lets the parser go on; only a fatal error stops the file. */
    private static final class Collector implements ErrorHandler {
        private final String file;
        private final List<Problem> problems;
        private boolean sawFatal;

        Collector(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        @Override
        public void warning(String message, long line, long col) {
            problems.add(new Problem(file, line, col, "warning: " + message));
        }

        @Override
        public void error(String message, long line, long col) {
            problems.add(new Problem(file, line, col, message));
        }

        @Override
        public void fatal(String message, long line, long col) {
            sawFatal = true;
            problems.add(new Problem(file, line, col, message));
            throw new RiotException(message);
        }
    }
}
