package org.w3id.srkg.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.srkg.coverage.ArticleCoverage;
import org.w3id.srkg.coverage.Claim;
import org.w3id.srkg.coverage.Coverage;
import org.w3id.srkg.coverage.Declaration;
import org.w3id.srkg.coverage.Status;
import org.w3id.srkg.text.TextAnchor.Span;

/**
 * Measures how the claims and declared passages cover each article text {@code seeds/articles/NNN.txt}.
 * The claims of article NNN are the nodes with srkg:evidence in its graph; declared passages are the
 * srkg:ExcludedPassage and srkg:NoClaimPassage nodes whose srkg:inArticle is the article. An article is
 * curated when {@code seeds/claims/NNN.ttl} exists. Coverage is reported, not enforced: the build goes on
 * with uncited sentences, and the test over the repository's seeds is what fails on them.
 *
 * <p>Where a quote or passage sits is not searched for again: it is read from the built dataset, the
 * oa:TextPositionSelector that {@link EvidenceVerifier} wrote for it in the article's graph (an annotation whose
 * oa:hasBody is the claim or declaration and whose target's oa:hasSource is the article). So the report and the
 * published anchors cannot disagree, and a quote not in its text never reaches this stage: the evidence stage
 * has already failed the build on it. Only anchors in article NNN's own text count for it, so a declaration
 * written in another article's claims file covers nothing here and its sentences show as uncited.
 */
public final class CoverageAnalyzer {

    private static final Pattern TEXT = Pattern.compile("(\\d{3})\\.txt");
    private static final Node EVIDENCE = srkg("evidence");
    private static final Node IN_ARTICLE = srkg("inArticle");
    private static final Node REASON = srkg("reason");
    private static final Node HAS_BODY = EvidenceVerifier.oa("hasBody");
    private static final Node HAS_TARGET = EvidenceVerifier.oa("hasTarget");
    private static final Node HAS_SOURCE = EvidenceVerifier.oa("hasSource");
    private static final Node HAS_SELECTOR = EvidenceVerifier.oa("hasSelector");
    private static final Node POSITION = EvidenceVerifier.oa("TextPositionSelector");
    private static final Node START = EvidenceVerifier.oa("start");
    private static final Node END = EvidenceVerifier.oa("end");
    private static final List<Map.Entry<Node, Status>> DECLARATION_KINDS = List.of(
            Map.entry(srkg("ExcludedPassage"), Status.EXCLUDED),
            Map.entry(srkg("NoClaimPassage"), Status.DECLARED));

    private CoverageAnalyzer() {
    }

    public static Coverage analyze(Path root, DatasetGraph dataset) throws PipelineException {
        Map<String, Path> texts = texts(root);
        List<ArticleCoverage> articles = new ArrayList<>();
        for (Map.Entry<String, Path> text : texts.entrySet()) {
            String article = text.getKey();
            String relative = SeedLayout.relative(root, text.getValue());
            boolean curated = Files.isRegularFile(root.resolve("seeds/claims/" + article + ".ttl"));
            Map<Node, List<Span>> anchors = anchors(dataset, article);
            articles.add(ArticleCoverage.measure(article, relative, curated, read(root, article),
                    claims(dataset, article, anchors), declarations(dataset, article, anchors)));
        }
        return new Coverage(articles);
    }

    private static Map<String, Path> texts(Path root) throws PipelineException {
        Map<String, Path> texts = new TreeMap<>();
        Path dir = root.resolve("seeds/articles");
        if (!Files.isDirectory(dir)) {
            return texts;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher name = TEXT.matcher(file.getFileName().toString());
                if (name.matches() && Files.isRegularFile(file)) {
                    texts.put(name.group(1), file);
                }
            });
        } catch (IOException e) {
            throw new PipelineException(Problem.inFile("seeds/articles", "cannot list: " + e.getMessage()));
        }
        return texts;
    }

    /** Strict UTF-8, as every stage reads a text: one that is not would be measured against garbled characters. */
    private static String read(Path root, String article) throws PipelineException {
        try {
            return ArticleText.read(root, article).text();
        } catch (IOException e) {
            throw new PipelineException(Problem.inFile(ArticleText.relativePath(article), "cannot read: " + e.getMessage()));
        }
    }

    /** The anchors in article NNN's own text, by the claim or declaration they are evidence for. */
    private static Map<Node, List<Span>> anchors(DatasetGraph dataset, String article) {
        Node graph = Namespaces.articleGraph(article);
        Map<Node, List<Span>> anchors = new HashMap<>();
        dataset.stream(graph, Node.ANY, HAS_SOURCE, NodeFactory.createURI(Namespaces.ARTICLE + article))
                .map(Quad::getSubject).forEach(target -> {
                    List<Span> positions = objects(dataset, graph, target, HAS_SELECTOR)
                            .filter(selector -> dataset.contains(graph, selector, RDF.type.asNode(), POSITION))
                            .map(selector -> new Span(offset(dataset, graph, selector, START),
                                    offset(dataset, graph, selector, END)))
                            .toList();
                    dataset.stream(graph, Node.ANY, HAS_TARGET, target).map(Quad::getSubject)
                            .flatMap(annotation -> objects(dataset, graph, annotation, HAS_BODY))
                            .forEach(body -> anchors.computeIfAbsent(body, b -> new ArrayList<>()).addAll(positions));
                });
        return anchors;
    }

    private static List<Claim> claims(DatasetGraph dataset, String article, Map<Node, List<Span>> anchors) {
        Node graph = Namespaces.articleGraph(article);
        return dataset.stream(graph, Node.ANY, EVIDENCE, Node.ANY).filter(q -> q.getObject().isLiteral())
                .map(Quad::getSubject).distinct()
                .map(claim -> new Claim(name(claim), label(dataset, graph, claim), anchors.getOrDefault(claim, List.of())))
                .toList();
    }

    private static List<Declaration> declarations(DatasetGraph dataset, String article, Map<Node, List<Span>> anchors) {
        Node articleNode = NodeFactory.createURI(Namespaces.ARTICLE + article);
        List<Declaration> declarations = new ArrayList<>();
        for (Quad q : dataset.stream(Node.ANY, Node.ANY, IN_ARTICLE, articleNode).distinct().toList()) {
            Node graph = q.getGraph();
            Node node = q.getSubject();
            for (Map.Entry<Node, Status> kind : DECLARATION_KINDS) {
                if (dataset.contains(graph, node, RDF.type.asNode(), kind.getKey())) {
                    declarations.add(new Declaration(name(node), kind.getValue(), anchors.getOrDefault(node, List.of()),
                            String.join(" ", strings(dataset, graph, node, REASON))));
                }
            }
        }
        return declarations;
    }

    private static String label(DatasetGraph dataset, Node graph, Node node) {
        return strings(dataset, graph, node, RDFS.label.asNode()).stream().findFirst().orElse("");
    }

    /** Literal values sorted, so that the order of a set of values never depends on hashing. */
    private static List<String> strings(DatasetGraph dataset, Node graph, Node node, Node property) {
        return dataset.stream(graph, node, property, Node.ANY)
                .map(Quad::getObject).filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
                .sorted().collect(Collectors.toList());
    }

    private static Stream<Node> objects(DatasetGraph dataset, Node graph, Node subject, Node property) {
        return dataset.stream(graph, subject, property, Node.ANY).map(Quad::getObject);
    }

    /** An oa:start or oa:end, which EvidenceVerifier writes exactly once per selector. */
    private static int offset(DatasetGraph dataset, Node graph, Node selector, Node property) {
        return objects(dataset, graph, selector, property).findFirst()
                .map(n -> Integer.parseInt(n.getLiteralLexicalForm())).orElseThrow();
    }

    private static String name(Node node) {
        return node.isURI() ? node.getURI() : NodeFmtLib.strNT(node);
    }

    private static Node srkg(String localName) {
        return NodeFactory.createURI(Namespaces.ONTOLOGY + localName);
    }
}
