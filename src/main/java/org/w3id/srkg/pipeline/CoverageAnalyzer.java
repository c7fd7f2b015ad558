package org.w3id.srkg.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * Measures how the claims and declared passages cover each article text {@code seeds/articles/NNN.txt}.
 * The claims of article NNN are the nodes with srkg:evidence in its graph; declared passages are the
 * srkg:ExcludedPassage and srkg:NoClaimPassage nodes whose srkg:inArticle is the article. An article is
 * curated when {@code seeds/claims/NNN.ttl} exists. Coverage is reported, not enforced: the build goes on
 * with uncited sentences, and the test over the repository's seeds is what fails on them.
 */
public final class CoverageAnalyzer {

    private static final Pattern TEXT = Pattern.compile("(\\d{3})\\.txt");
    private static final Node EVIDENCE = srkg("evidence");
    private static final Node IN_ARTICLE = srkg("inArticle");
    private static final Node PASSAGE = srkg("passage");
    private static final Node REASON = srkg("reason");
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
            articles.add(ArticleCoverage.measure(article, relative, curated, read(text.getValue(), relative),
                    claims(dataset, article), declarations(dataset, article)));
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

    /** Strict UTF-8: a text that is not would be measured against garbled characters. */
    private static String read(Path file, String relative) throws PipelineException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new PipelineException(Problem.inFile(relative, "not UTF-8: " + e));
        } catch (IOException e) {
            throw new PipelineException(Problem.inFile(relative, "cannot read: " + e.getMessage()));
        }
    }

    private static List<Claim> claims(DatasetGraph dataset, String article) {
        Node graph = Namespaces.articleGraph(article);
        Map<Node, List<String>> evidence = new LinkedHashMap<>();
        dataset.find(graph, Node.ANY, EVIDENCE, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isLiteral()) {
                evidence.computeIfAbsent(q.getSubject(), s -> new ArrayList<>()).add(q.getObject().getLiteralLexicalForm());
            }
        });
        List<Claim> claims = new ArrayList<>();
        evidence.forEach((claim, quotes) -> claims.add(new Claim(name(claim), label(dataset, graph, claim), quotes)));
        return claims;
    }

    private static List<Declaration> declarations(DatasetGraph dataset, String article) {
        Node articleNode = NodeFactory.createURI(Namespaces.ARTICLE + article);
        List<Declaration> declarations = new ArrayList<>();
        for (Quad q : dataset.stream(Node.ANY, Node.ANY, IN_ARTICLE, articleNode).distinct().toList()) {
            Node graph = q.getGraph();
            Node node = q.getSubject();
            for (Map.Entry<Node, Status> kind : DECLARATION_KINDS) {
                if (dataset.contains(graph, node, RDF.type.asNode(), kind.getKey())) {
                    declarations.add(new Declaration(name(node), kind.getValue(),
                            strings(dataset, graph, node, PASSAGE), String.join(" ", strings(dataset, graph, node, REASON))));
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

    private static String name(Node node) {
        return node.isURI() ? node.getURI() : NodeFmtLib.strNT(node);
    }

    private static Node srkg(String localName) {
        return NodeFactory.createURI(Namespaces.ONTOLOGY + localName);
    }
}
