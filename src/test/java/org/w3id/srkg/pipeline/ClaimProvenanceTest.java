package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.support.EvidenceAnchors;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Sha256;

class ClaimProvenanceTest {

    private static final Path ROOT = Fixtures.root("evidence-anchored");
    private static final Node CLAIM = NodeFactory.createURI(Namespaces.ONTOLOGY + "Claim");
    private static final Node EVIDENCE = NodeFactory.createURI(Namespaces.ONTOLOGY + "evidence");
    private static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    @Test
    void everyClaimIsTypedAndDerivedFromItsArticleInItsGraph() throws PipelineException {
        DatasetGraph dataset = Pipeline.build(ROOT);
        for (String number : List.of("000", "001")) {
            Node graph = Namespaces.articleGraph(number);
            Node article = NodeFactory.createURI(Namespaces.ARTICLE + number);
            List<Node> claims = dataset.stream(graph, Node.ANY, EVIDENCE, Node.ANY)
                    .map(q -> q.getSubject()).distinct().toList();
            assertFalse(claims.isEmpty(), number);
            for (Node claim : claims) {
                assertTrue(dataset.contains(graph, claim, RDF.type.asNode(), CLAIM), claim::getURI);
                assertTrue(dataset.contains(graph, claim, DERIVED_FROM, article), claim::getURI);
            }
        }
        Node passage = NodeFactory.createURI(Namespaces.ID + "claim/000/comments-closed");
        assertFalse(dataset.contains(Node.ANY, passage, RDF.type.asNode(), CLAIM), "a declared passage is no claim");
    }

    @Test
    void everyArticleNamesItsTextFileWithFormatAndChecksum() throws Exception {
        DatasetGraph dataset = Pipeline.build(ROOT);
        for (String number : List.of("000", "001")) {
            Node graph = Namespaces.articleGraph(number);
            Node article = NodeFactory.createURI(Namespaces.ARTICLE + number);
            String relative = "seeds/articles/" + number + ".txt";
            Node file = NodeFactory.createURI(EvidenceAnchors.FILE_NAMESPACE + relative);
            assertTrue(dataset.contains(graph, article, DERIVED_FROM, file));
            assertTrue(dataset.contains(graph, article, DCTerms.source.asNode(), file));
            assertTrue(dataset.contains(graph, article, DCTerms.format.asNode(), NodeFactory.createLiteralString("text/plain")));
            String sha256 = Sha256.hex(ROOT.resolve(relative));
            assertEquals(List.of(sha256), dataset.stream(graph, article,
                    NodeFactory.createURI(Namespaces.ONTOLOGY + "sha256"), Node.ANY)
                    .map(q -> q.getObject().getLiteralLexicalForm()).toList());
        }
    }
}
