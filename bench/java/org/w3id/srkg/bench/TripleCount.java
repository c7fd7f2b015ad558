package org.w3id.srkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDFLib;

/** Counts triples and quads by parsing with RIOT into a counting sink: nothing is stored. */
final class TripleCount {

    private TripleCount() {
    }

    /** A Turtle file, or every {@code .ttl} file directly in a folder. */
    static long ofTurtle(Path fileOrFolder) throws IOException {
        long count = 0;
        for (Path file : turtleFiles(fileOrFolder)) {
            count += of(file);
        }
        return count;
    }

    static long of(Path file) {
        StreamRDFCounting counting = StreamRDFLib.count();
        RDFParser.source(file).parse(counting);
        return counting.count();
    }

    static List<Path> turtleFiles(Path fileOrFolder) throws IOException {
        if (!Files.isDirectory(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        try (Stream<Path> files = Files.list(fileOrFolder)) {
            return files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        }
    }
}
