package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.support.EvidenceAnchors;
import org.w3id.srkg.support.EvidenceAnchors.Anchor;

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

    @Test
    void everyClaimIsAnchoredInItsArticleTextAndEveryAnchorReslicesToItsQuote() throws Exception {
        DatasetGraph dataset = Pipeline.build(ROOT);
        String unanchored = """
                PREFIX srkg: <https://w3id.org/srkg/ontology#>
                PREFIX oa:   <http://www.w3.org/ns/oa#>
                SELECT ?claim WHERE {
                  GRAPH ?g { ?claim a srkg:Claim }
                  FILTER NOT EXISTS {
                    GRAPH ?g { ?annotation oa:hasBody ?claim ; oa:hasTarget/oa:hasSelector/a oa:TextPositionSelector }
                  }
                }
                """;
        try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(unanchored).build()) {
            List<String> missing = new ArrayList<>();
            exec.execSelect().forEachRemaining(row -> missing.add(row.get("claim").toString()));
            assertEquals(List.of(), missing, "claims without a TextPositionSelector");
        }
        long claims = dataset.stream().filter(q -> q.getPredicate().getURI().equals(RDF.type.getURI())
                && q.getObject().getURI().equals(Namespaces.ONTOLOGY + "Claim")).count();
        List<Anchor> anchors = EvidenceAnchors.of(dataset);
        assertTrue(anchors.size() >= claims && claims > 0, () -> claims + " claims, " + anchors.size() + " anchors");
        for (Anchor anchor : anchors) {
            assertEquals(anchor.exact(), anchor.reslice(ROOT), anchor::annotation);
        }
    }
}
