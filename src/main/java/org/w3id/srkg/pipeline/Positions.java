package org.w3id.srkg.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Triple;
import org.w3id.srkg.pipeline.ParsedSeeds.Position;

/**
 * Where the triples of each seed file were written, found by reading a file again the first time one of its
 * positions is asked for (see {@link TurtleParser#positions}), then kept. Stages ask from several threads.
 */
public final class Positions {

    private final Map<SeedFile, Map<Triple, Position>> byFile = new ConcurrentHashMap<>();

    public Optional<Position> of(SeedFile file, Triple triple) {
        return Optional.ofNullable(byFile.computeIfAbsent(file, TurtleParser::positions).get(triple));
    }
}
