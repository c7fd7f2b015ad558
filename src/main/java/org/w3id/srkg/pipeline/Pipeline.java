package org.w3id.srkg.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.srkg.coverage.Coverage;
import org.w3id.srkg.coverage.ConflictsReport;
import org.w3id.srkg.coverage.CoverageReport;

/**
 * Runs the stages in order. Each stage is a plain function of the previous one's result, so a new stage
 * (evidence checks against the article texts, inference) is one more line here.
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private Pipeline() {
    }

    /** Parses, validates and checks the seeds against their article texts: everything that can be wrong with them. */
    public static ParsedSeeds check(Path root) throws PipelineException {
        List<SeedFile> files = SeedLayout.scan(root);
        ParsedSeeds seeds = TurtleParser.parse(files);
        LOG.info("parse: {} files, {} triples", files.size(), seeds.tripleCount());
        // SHACL and the evidence checks only read the seeds, so they run side by side; their problems and log
        // lines come in the order they would sequentially (a SHACL failure first, as before the evidence ran).
        FutureTask<EvidenceVerifier.Result> evidence = new FutureTask<>(() -> EvidenceVerifier.anchor(root, seeds));
        Thread thread = new Thread(evidence, "srkg-evidence");
        thread.setDaemon(true);
        thread.start();
        long validated = ShaclValidator.validate(seeds);
        LOG.info("shacl: {} triples conform to ontology/shapes.ttl", validated);
        return ClaimProvenance.stamp(root, EvidenceVerifier.report(await(evidence)));
    }

    private static <T> T await(FutureTask<T> task) throws PipelineException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a stage", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PipelineException problems) {
                throw problems;
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Builds the dataset in memory. */
    public static DatasetGraph build(Path root) throws PipelineException {
        ParsedSeeds seeds = check(root);
        DatasetGraph dataset = DatasetAssembler.assemble(seeds);
        LOG.info("assemble: {} named graphs, {} quads", dataset.size(), dataset.stream().count());
        dataset.begin(TxnType.WRITE);
        try {
            LOG.info("infer: {} entailed triples into {}", Inferencer.materialise(dataset), Namespaces.INFERRED_GRAPH);
            // Last, so that its counts cover every other graph.
            DatasetDescriber.describe(dataset, seeds.graphs().keySet(), System.getenv());
            dataset.commit();
        } finally {
            dataset.end();
        }
        return dataset;
    }

    /** How the claims and declared passages cover each article text, sentence by sentence. */
    public static Coverage coverage(Path root, DatasetGraph dataset) throws PipelineException {
        Coverage coverage = CoverageAnalyzer.analyze(root, dataset);
        LOG.info("coverage: {}", coverage.summary());
        return coverage;
    }

    /** Builds the dataset and writes its dumps and the coverage report to {@code out}. */
    public static DatasetGraph publish(Path root, Path out) throws PipelineException {
        DatasetGraph dataset = build(root);
        DumpPublisher.publish(dataset, CoverageReport.files(coverage(root, dataset), ConflictsReport.find(dataset)), out);
        LOG.info("publish: {} and {}/ written to {}", DumpPublisher.FILES, CoverageReport.FOLDER, out);
        return dataset;
    }
}
