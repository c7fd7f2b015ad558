package org.w3id.srkg.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.srkg.pipeline.SeedFile.Role;

/** The graph parsed from each seed file, in the order of the layout. */
public record ParsedSeeds(Map<SeedFile, Graph> graphs) {

    public ParsedSeeds {
        graphs = Collections.unmodifiableMap(new LinkedHashMap<>(graphs));
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
}
