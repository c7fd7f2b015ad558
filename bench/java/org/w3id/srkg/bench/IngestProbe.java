package org.w3id.srkg.bench;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.system.progress.MonitorOutputs;
import org.w3id.srkg.pipeline.Pipeline;

/**
 * One ingest measurement, run as its own JVM so that every loader starts from the same cold, empty heap:
 * {@code IngestProbe MODE ROOT [TDB2-DIR]}. It prints one line, {@code ingest mode=… triples=… millis=…
 * peakMiB=… retainedMiB=…}: the wall time of the load, the highest heap use seen while it ran (sampled every
 * 5 ms), and the heap still in use after a full GC with the loaded data held, i.e. what the data costs.
 * <p>
 * Every mode reads the same seed Turtle files, each file into a named graph of its own:
 * {@code srkg} the whole pipeline ({@link Pipeline#build}: parse, SHACL, evidence, provenance, assemble,
 * inference, metadata); {@code parse} RIOT into a counting sink (the ceiling); {@code txnmem} stock loading into
 * {@link DatasetGraphFactory#createTxnMem()}; {@code general} into {@link DatasetGraphFactory#createGeneral()}
 * (graphs of Jena 5's default in-memory graph); {@code tdb2} TDB2's bulk loader into a fresh database.
 */
public final class IngestProbe {

    public static final List<String> MODES = List.of("srkg", "parse", "txnmem", "general", "tdb2");

    private IngestProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path root = Path.of(args[1]);
        List<Path> files = seedFiles(root);
        // Jena's one-off initialisation is not part of any loader's time.
        JenaSystem.init();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long start = System.nanoTime();
        Object held;
        long triples;
        switch (mode) {
            case "srkg" -> {
                DatasetGraph built = Pipeline.build(root);
                held = built;
                triples = built.stream().count();
            }
            case "parse" -> {
                long n = 0;
                for (Path file : files) {
                    StreamRDFCounting counting = StreamRDFLib.count();
                    RDFParser.source(file).parse(counting);
                    n += counting.count();
                }
                held = null;
                triples = n;
            }
            case "txnmem", "general" -> {
                DatasetGraph dataset = mode.equals("txnmem") ? DatasetGraphFactory.createTxnMem()
                        : DatasetGraphFactory.createGeneral();
                Txn.executeWrite(dataset, () -> files.forEach(file ->
                        RDFParser.source(file).parse(StreamRDFLib.graph(dataset.getGraph(graphFor(root, file))))));
                held = dataset;
                triples = Txn.calculateRead(dataset, () -> dataset.stream().count());
            }
            case "tdb2" -> {
                Path location = Path.of(args[2]);
                DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(location.toString());
                // Files go to the default graph: the bulk loader takes one target graph per run, and one run
                // over all files is how tdb2.tdbloader is used.
                DataLoader loader = LoaderFactory.createLoader(dataset, MonitorOutputs.nullOutput());
                loader.startBulk();
                loader.load(files.stream().map(Path::toString).toList());
                loader.finishBulk();
                held = dataset;
                triples = loader.countTriples() + loader.countQuads();
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + "; one of " + MODES);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        sampler.stop();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("ingest mode=" + mode + " triples=" + triples + " millis=" + millis
                + " peakMiB=" + sampler.peak() / (1 << 20) + " retainedMiB=" + retained / (1 << 20));
        // The loaded data must stay reachable until the retained heap has been read.
        Reference.reachabilityFence(held);
    }

    static List<Path> seedFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>(TripleCount.turtleFiles(root.resolve("ontology")));
        try (Stream<Path> seeds = Files.walk(root.resolve("seeds"))) {
            seeds.filter(p -> p.toString().endsWith(".ttl")).sorted().forEach(files::add);
        }
        return files;
    }

    private static Node graphFor(Path root, Path file) {
        return NodeFactory.createURI("file:///" + root.relativize(file).toString().replace('\\', '/'));
    }

    /** The highest heap use seen, sampled every few milliseconds on a daemon thread. */
    static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread = new Thread(this::run, "heap-sampler");
        private volatile boolean running = true;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak.get();
        }

        private void run() {
            while (running) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
