package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.coverage.ArticleCoverage;
import org.w3id.srkg.coverage.SentenceCoverage;
import org.w3id.srkg.coverage.Status;
import org.w3id.srkg.support.Fixtures;

/** Coverage takes the anchors from the dataset, where the evidence stage wrote them, and does not search again. */
class CoverageAnalyzerTest {

    private static final Path ROOT = Fixtures.root("coverage");

    private static List<String> statusesOfLine4(DatasetGraph dataset) throws PipelineException {
        ArticleCoverage article = CoverageAnalyzer.analyze(ROOT, dataset).articles().get(0);
        return article.sentences().stream().filter(s -> s.sentence().line() == 4)
                .map(SentenceCoverage::status).map(Status::label).toList();
    }

    @Test
    void aSentenceIsCitedWhereTheDatasetAnchorsTheQuote() throws Exception {
        DatasetGraph dataset = Pipeline.build(ROOT);
        assertEquals(List.of("cited", "uncited"), statusesOfLine4(dataset),
                "line 4: the trade claim's sentence, then one nobody cites");

        // Point the trade claim's oa:TextPositionSelector at the uncited sentence instead.
        String text = ArticleText.read(ROOT, "000").text();
        String uncited = "Nobody cited this | sentence.";
        int start = text.codePointCount(0, text.indexOf(uncited));
        Node graph = Namespaces.articleGraph("000");
        Node position = NodeFactory.createURI(Namespaces.ID + "claim/000/trade/evidence/1/position");
        move(dataset, graph, position, "start", start);
        move(dataset, graph, position, "end", start + uncited.codePointCount(0, uncited.length()));

        assertEquals(List.of("uncited", "cited"), statusesOfLine4(dataset));
    }

    private static void move(DatasetGraph dataset, Node graph, Node selector, String property, int offset) {
        Node predicate = EvidenceVerifier.oa(property);
        dataset.deleteAny(graph, selector, predicate, Node.ANY);
        dataset.add(graph, selector, predicate,
                NodeFactory.createLiteralDT(Integer.toString(offset), XSDDatatype.XSDnonNegativeInteger));
    }
}
