package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;

/** The repository's own ontology and seeds build; expectations come from the files present. */
class RealSeedsTest {

    private static final Path ROOT = Path.of("");
    private static final Pattern CLAIMS = Pattern.compile("(\\d{3})\\.ttl");

    @Test
    void repositorySeedsBuildWithAGraphPerClaimsFile() throws PipelineException, IOException {
        Set<String> claimArticles = new TreeSet<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("seeds/claims"))) {
            files.map(p -> CLAIMS.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .forEach(m -> claimArticles.add(m.group(1)));
        }
        assertFalse(claimArticles.isEmpty(), "seeds/claims/NNN.ttl files are expected in the repository");

        DatasetGraph dataset = Pipeline.build(ROOT);

        Set<String> articleGraphs = new TreeSet<>();
        dataset.listGraphNodes().forEachRemaining(g -> {
            if (g.getURI().startsWith(Namespaces.GRAPH + "article/")) {
                articleGraphs.add(g.getURI().substring((Namespaces.GRAPH + "article/").length()));
            }
        });
        assertTrue(articleGraphs.containsAll(claimArticles), () -> "article graphs " + articleGraphs);
        for (String article : claimArticles) {
            assertFalse(dataset.getGraph(Namespaces.articleGraph(article)).isEmpty(), article);
        }
        for (Node g : new Node[] {Namespaces.ONTOLOGY_GRAPH, Namespaces.SHAPES_GRAPH, Namespaces.ENTITIES_GRAPH,
                Namespaces.METADATA_GRAPH}) {
            assertFalse(dataset.getGraph(g).isEmpty(), g::getURI);
        }
        assertEquals(0, dataset.getDefaultGraph().size());
    }
}
