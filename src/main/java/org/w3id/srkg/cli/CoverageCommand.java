package org.w3id.srkg.cli;

import org.w3id.srkg.coverage.ArticleCoverage;
import org.w3id.srkg.coverage.Coverage;
import org.w3id.srkg.coverage.SentenceCoverage;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.pipeline.PipelineException;

import picocli.CommandLine.Command;

/**
 * For curators: what is left to cite, as file:line so an editor can jump there. A quote not in its text is not
 * listed here: the build fails on it first, with the closest passage (see EvidenceVerifier).
 */
@Command(name = "coverage", description = "Build in memory and list every sentence of a curated article that no"
        + " claim cites and no declared passage covers.")
final class CoverageCommand extends Srkg.SeedCommand {

    @Override
    int run() throws PipelineException {
        Coverage coverage = Pipeline.coverage(root, Pipeline.build(root));
        for (ArticleCoverage article : coverage.articles()) {
            if (!article.curated()) {
                srkg.out.println(article.textFile() + ": not curated (no seeds/claims/" + article.article() + ".ttl), "
                        + article.sentences().size() + " sentences");
                continue;
            }
            for (SentenceCoverage s : article.uncited()) {
                srkg.out.println(article.textFile() + ":" + s.sentence().line() + ": uncited: " + s.sentence().text());
            }
        }
        srkg.out.println("srkg: coverage: " + coverage.summary());
        boolean complete = coverage.curated().stream().allMatch(a -> a.uncited().isEmpty());
        return complete ? 0 : Srkg.FAILED;
    }
}
