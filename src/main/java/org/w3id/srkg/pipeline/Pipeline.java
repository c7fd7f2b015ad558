package org.w3id.srkg.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stages in order. Each stage is a plain function of the previous one's result, so a new stage
 * (evidence checks against the article texts, inference) is one more line here.
 */
public final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private Pipeline() {
    }

    /** Parses and validates the seeds: everything that can be wrong with them, without building anything. */
    public static ParsedSeeds check(Path root) throws PipelineException {
        List<SeedFile> files = SeedLayout.scan(root);
        ParsedSeeds seeds = TurtleParser.parse(files);
        LOG.info("parse: {} files, {} triples", files.size(), seeds.tripleCount());
        long validated = ShaclValidator.validate(seeds);
        LOG.info("shacl: {} triples conform to ontology/shapes.ttl", validated);
        return seeds;
    }

    /** Builds the dataset in memory. */
    public static DatasetGraph build(Path root) throws PipelineException {
        ParsedSeeds seeds = check(root);
        DatasetGraph dataset = DatasetAssembler.assemble(seeds);
        LOG.info("assemble: {} named graphs, {} quads", dataset.size(), dataset.stream().count());
        LOG.info("infer: {} entailed triples into {}", Inferencer.materialise(dataset), Namespaces.INFERRED_GRAPH);
        // Last, so that its counts cover every other graph.
        DatasetDescriber.describe(dataset, seeds.graphs().keySet(), System.getenv());
        return dataset;
    }

    /** Builds the dataset and writes its dumps to {@code out}. */
    public static DatasetGraph publish(Path root, Path out) throws PipelineException {
        DatasetGraph dataset = build(root);
        DumpPublisher.publish(dataset, out);
        LOG.info("publish: {} written to {}", DumpPublisher.FILES, out);
        return dataset;
    }
}
