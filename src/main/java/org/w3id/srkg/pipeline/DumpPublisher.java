package org.w3id.srkg.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.system.Txn;

/**
 * Writes the dataset as srkg.trig, srkg.nq, srkg.ttl (the union of all graphs) and srkg.jsonld, with their
 * description (the JSON-LD context and the metadata graph as void.ttl), and the reports given.
 * Statements are sorted and prefixes fixed, so the same input gives byte-identical files. The files are
 * written into a sibling folder which replaces the output folder only once everything is written: a
 * failed build leaves the previous dump as it was. {@link #render} gives the same bytes in memory, for the
 * server to offer for download.
 */
public final class DumpPublisher {

    public static final List<String> FILES = List.of("srkg.trig", "srkg.nq", "srkg.ttl", "srkg.jsonld");
    /** Written with the dumps: the JSON-LD context of srkg.jsonld and the VoID/DCAT/PROV description. */
    public static final List<String> DESCRIPTIONS = List.of(JsonLdDump.CONTEXT_FILE, "void.ttl");

    private static final Comparator<Triple> TRIPLE_ORDER = Comparator
            .comparing(Triple::getSubject, NodeCmp::compareRDFTerms)
            .thenComparing(Triple::getPredicate, NodeCmp::compareRDFTerms)
            .thenComparing(Triple::getObject, NodeCmp::compareRDFTerms);
    private static final Comparator<Quad> QUAD_ORDER = Comparator
            .comparing(Quad::getGraph, NodeCmp::compareRDFTerms)
            .thenComparing(Quad::asTriple, TRIPLE_ORDER);

    private DumpPublisher() {
    }

    /** Writes the dumps alone, without reports (the server's downloads). */
    public static void publish(DatasetGraph dataset, Path out) throws PipelineException {
        publish(dataset, new TreeMap<>(), out);
    }

    /**
     * @param reports further files written with the dumps (the coverage report), by their path inside
     *                {@code out}, as UTF-8 text
     */
    public static void publish(DatasetGraph dataset, SortedMap<String, String> reports, Path out)
            throws PipelineException {
        Path target = out.toAbsolutePath().normalize();
        Path staging = target.resolveSibling(target.getFileName() + ".partial");
        Path previous = target.resolveSibling(target.getFileName() + ".previous");
        try {
            deleteRecursively(staging);
            Files.createDirectories(staging);
            for (Map.Entry<String, byte[]> file : render(dataset).entrySet()) {
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
            for (Map.Entry<String, String> report : reports.entrySet()) {
                Path file = staging.resolve(report.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, report.getValue(), StandardCharsets.UTF_8);
            }

            deleteRecursively(previous);
            if (Files.exists(target)) {
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(previous);
        } catch (IOException | UncheckedIOException e) {
            throw new PipelineException(Problem.inFile(target.toString(), "cannot write the dump: " + e.getMessage()));
        } finally {
            quietlyDelete(staging);
        }
    }

    /** Every file of {@link #FILES} and {@link #DESCRIPTIONS}, by name, as the build writes it. */
    public static SortedMap<String, byte[]> render(DatasetGraph dataset) throws PipelineException {
        // In a read transaction: a TDB2 database (srkg serve --tdb2) can be read in no other way.
        List<Quad> read = Txn.calculateRead(dataset, () -> dataset.stream().toList());
        // The orders are total, so sorting in parallel gives the same lists, and the files the same bytes.
        List<Quad> quads = read.parallelStream().sorted(QUAD_ORDER).toList();
        List<Triple> union = quads.stream().map(Quad::asTriple).distinct().toList().parallelStream()
                .sorted(TRIPLE_ORDER).toList();
        List<Triple> metadata = quads.stream().filter(q -> q.getGraph().equals(Namespaces.METADATA_GRAPH))
                .map(Quad::asTriple).toList();
        Map<String, Callable<byte[]>> writers = Map.of(
                "srkg.trig", () -> write(RDFFormat.TRIG_BLOCKS, stream -> quads.forEach(stream::quad)),
                "srkg.nq", () -> write(RDFFormat.NQUADS, stream -> quads.forEach(stream::quad)),
                "srkg.ttl", () -> write(RDFFormat.TURTLE_BLOCKS, stream -> union.forEach(stream::triple)),
                "srkg.jsonld", () -> JsonLdDump.write(quads).getBytes(StandardCharsets.UTF_8),
                JsonLdDump.CONTEXT_FILE, () -> JsonLdDump.context().getBytes(StandardCharsets.UTF_8),
                "void.ttl", () -> write(RDFFormat.TURTLE_BLOCKS, stream -> metadata.forEach(stream::triple)));
        // Each file is written from the same sorted lists by a writer of its own, so they are written side by side.
        Map<String, ForkJoinTask<byte[]>> running = new TreeMap<>();
        writers.forEach((name, writer) -> running.put(name, ForkJoinTask.adapt(writer).fork()));
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (Map.Entry<String, ForkJoinTask<byte[]>> file : running.entrySet()) {
            try {
                files.put(file.getKey(), file.getValue().join());
            } catch (RuntimeException e) {
                // ForkJoinTask.adapt wraps a checked exception; the one a writer throws is a PipelineException.
                if (e.getCause() instanceof PipelineException problems) {
                    throw problems;
                }
                throw e;
            }
        }
        return files;
    }

    private static byte[] write(RDFFormat format, Consumer<StreamRDF> body) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        StreamRDF stream = StreamRDFWriter.getWriterStream(output, format);
        stream.start();
        // PrefixMap iterates in hash order; sorting keeps the header stable whatever the map implementation.
        new TreeMap<>(Namespaces.dumpPrefixes().getMapping()).forEach(stream::prefix);
        body.accept(stream);
        stream.finish();
        return output.toByteArray();
    }

    private static void quietlyDelete(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException | UncheckedIOException ignored) {
            // Only a leftover staging folder; the next build removes it before writing.
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
