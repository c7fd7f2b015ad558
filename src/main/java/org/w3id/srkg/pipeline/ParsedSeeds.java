package org.w3id.srkg.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.srkg.pipeline.SeedFile.Role;

/**
 * The graph parsed from each seed file, in the order of the layout.
 *
 * @param positions where each triple of a file was written, so later stages can point a curator at a line
 * @param derived   graphs of triples the pipeline itself derived for an article's named graph (evidence anchors,
 *                  provenance), keyed by article number, in the order they were derived; kept apart from the seed
 *                  files they were not written in
 */
public record ParsedSeeds(Map<SeedFile, Graph> graphs, Positions positions, Map<String, List<Graph>> derived) {

    /** Line and column (1-based) of the token RIOT was at when it produced a triple: for a literal, its start. */
    public record Position(long line, long column) {
    }

    public ParsedSeeds {
        graphs = Collections.unmodifiableMap(new LinkedHashMap<>(graphs));
        derived = Collections.unmodifiableMap(new TreeMap<>(derived));
    }

    public ParsedSeeds(Map<SeedFile, Graph> graphs) {
        this(graphs, new Positions(), Map.of());
    }

    public List<SeedFile> files(Role role) {
        return graphs.keySet().stream().filter(f -> f.role() == role).toList();
    }

    /** A fresh graph holding the triples of every file with one of the given roles. */
    public Graph merge(Role... roles) {
        Graph merged = GraphFactory.createDefaultGraph();
        for (Role role : roles) {
            files(role).forEach(f -> graphs.get(f).find().forEachRemaining(merged::add));
        }
        return merged;
    }

    public long tripleCount() {
        return graphs.values().stream().mapToLong(Graph::size).sum();
    }

    public Optional<Position> position(SeedFile file, Triple triple) {
        return positions.of(file, triple);
    }

    /**
     * These seeds with {@code triples} added to what the pipeline derived for article {@code article}. The graph is
     * kept, not copied: at a million seed triples the anchors alone are two million, and every copy of them cost
     * a second of the build.
     */
    public ParsedSeeds withDerived(String article, Graph triples) {
        Map<String, List<Graph>> more = new TreeMap<>(derived);
        List<Graph> graphs = new ArrayList<>(derived.getOrDefault(article, List.of()));
        graphs.add(triples);
        more.put(article, List.copyOf(graphs));
        return new ParsedSeeds(this.graphs, positions, more);
    }
}
