package org.w3id.srkg.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.RDF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.srkg.pipeline.SeedFile.Role;
import org.w3id.srkg.text.TextAnchor;
import org.w3id.srkg.text.TextAnchor.Match;
import org.w3id.srkg.text.TextAnchor.Span;

/**
 * Finds every evidence quote ({@code srkg:evidence} of a claim, {@code srkg:passage} of a coverage declaration)
 * of {@code seeds/claims/NNN.ttl} in the text {@code seeds/articles/NNN.txt}, and records where as W3C Web
 * Annotations in the article's graph, so that any reader can re-check a claim against its source. A quote that
 * is not in the text fails the build with the line it is written on and the closest passage of the text.
 * Matching folds runs of white space and nothing else (see {@link TextAnchor}); a quote found more than once
 * is anchored at its first occurrence.
 */
public final class EvidenceVerifier {

    /** Characters of context kept on either side of a quote in oa:prefix and oa:suffix. */
    static final int CONTEXT = 32;

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceVerifier.class);
    private static final Node EVIDENCE = srkg("evidence");
    private static final Node PASSAGE = srkg("passage");

    /**
     * @param anchored how many quotes were found and anchored
     * @param notes    things worth a curator's attention that are not errors, one line each
     */
    public record Result(ParsedSeeds seeds, int anchored, List<String> notes) {
    }

    /** A quote found in the text, with the node it is evidence for. */
    private record Anchor(Node subject, String kind, Span span) {
    }

    private EvidenceVerifier() {
    }

    /** Verifies and anchors, and logs what a curator should know. */
    public static ParsedSeeds verify(Path root, ParsedSeeds seeds) throws PipelineException {
        return report(anchor(root, seeds));
    }

    /** Logs what a curator should know about an anchoring, and returns the seeds with the anchors. */
    public static ParsedSeeds report(Result result) {
        result.notes().forEach(LOG::warn);
        LOG.info("evidence: {} quotes found in their article texts and anchored", result.anchored());
        return result.seeds();
    }

    public static Result anchor(Path root, ParsedSeeds seeds) throws PipelineException {
        List<Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Optional<TextAnchor>> otherTexts = new HashMap<>();
        ParsedSeeds result = seeds;
        int anchored = 0;
        for (SeedFile file : seeds.files(Role.CLAIMS)) {
            ArticleText article;
            try {
                article = ArticleText.read(root, file.article());
            } catch (NoSuchFileException e) {
                problems.add(Problem.inFile(file.relative(), "the text of its article, "
                        + ArticleText.relativePath(file.article()) + ", is missing"));
                continue;
            } catch (IOException e) {
                problems.add(Problem.inFile(ArticleText.relativePath(file.article()), "cannot read: " + e.getMessage()));
                continue;
            }
            TextAnchor text = new TextAnchor(article.text());
            List<Anchor> anchors = new ArrayList<>();
            List<Problem> missing = new ArrayList<>();
            int repeated = 0;
            for (Triple quote : quotes(seeds, file)) {
                String kind = quote.getPredicate().equals(EVIDENCE) ? "evidence" : "passage";
                Optional<Match> match = text.find(quote.getObject().getLiteralLexicalForm());
                if (match.isEmpty()) {
                    missing.add(notFound(root, seeds, file, quote, article, text, otherTexts));
                    continue;
                }
                repeated += match.get().repeated() ? 1 : 0;
                anchors.add(new Anchor(quote.getSubject(), kind, match.get().span()));
            }
            if (repeated > 0) {
                notes.add(article.relative() + ": " + repeated + " quotes occur more than once (the text repeats"
                        + " itself); anchored to first occurrences");
            }
            // In the order they are written, so a file's problems read top to bottom.
            missing.sort(Comparator.comparingLong(Problem::line).thenComparingLong(Problem::column));
            problems.addAll(missing);
            anchored += anchors.size();
            result = result.withDerived(file.article(), annotations(file.article(), text, anchors));
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(problems);
        }
        return new Result(result, anchored, List.copyOf(notes));
    }

    /** The quotes of a claims file. */
    private static List<Triple> quotes(ParsedSeeds seeds, SeedFile file) {
        Graph graph = seeds.graphs().get(file);
        return Stream.concat(graph.find(Node.ANY, EVIDENCE, Node.ANY).toList().stream(),
                        graph.find(Node.ANY, PASSAGE, Node.ANY).toList().stream())
                .filter(t -> t.getObject().isLiteral())
                .toList();
    }

    private static Problem notFound(Path root, ParsedSeeds seeds, SeedFile file, Triple quote, ArticleText article,
                                    TextAnchor text, Map<String, Optional<TextAnchor>> otherTexts) {
        String lexical = quote.getObject().getLiteralLexicalForm();
        TextAnchor.Closest closest = text.closest(lexical);
        String elsewhere = otherArticleHolding(root, article.article(), lexical, otherTexts)
                .map(other -> "; it is in " + other + " (a quote from another article?)").orElse("");
        String property = quote.getPredicate().equals(EVIDENCE) ? "srkg:evidence" : "srkg:passage";
        String message = property + " of " + NodeFmtLib.strNT(quote.getSubject())
                + " is not in " + article.relative() + ": \"" + TextAnchor.fold(lexical) + "\""
                + "; closest passage (" + closest.edits() + (closest.edits() == 1 ? " edit" : " edits") + "): \"" + closest.passage() + "\"" + elsewhere;
        return seeds.position(file, quote)
                .map(p -> new Problem(file.relative(), p.line(), p.column(), message))
                .orElseGet(() -> Problem.inFile(file.relative(), message));
    }

    /** The first other article text holding the quote; a quote copied from the wrong article is a common slip. */
    private static Optional<String> otherArticleHolding(Path root, String article, String quote,
                                                        Map<String, Optional<TextAnchor>> texts) {
        try (Stream<Path> files = Files.list(root.resolve("seeds/articles"))) {
            for (String other : files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{3}\\.txt")).sorted().map(n -> n.substring(0, 3)).toList()) {
                Optional<TextAnchor> text = texts.computeIfAbsent(other, n -> readQuietly(root, n));
                if (!other.equals(article) && text.flatMap(t -> t.find(quote)).isPresent()) {
                    return Optional.of(ArticleText.relativePath(other));
                }
            }
        } catch (IOException e) {
            // Only a hint in a message that reports the real problem anyway.
        }
        return Optional.empty();
    }

    private static Optional<TextAnchor> readQuietly(Path root, String article) {
        try {
            return Optional.of(new TextAnchor(ArticleText.read(root, article).text()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * One oa:Annotation per quote, with the claim (or declared passage) as body and the article as target,
     * selected twice: by quote with context, and by code point offsets. IRIs are minted from the claim and the
     * quote's rank by position, {@code <claim>/evidence/1}, so that rebuilding gives the same dump.
     */
    private static Graph annotations(String articleNumber, TextAnchor text, List<Anchor> anchors) {
        Graph graph = GraphFactory.createDefaultGraph();
        Node article = NodeFactory.createURI(Namespaces.ARTICLE + articleNumber);
        List<Anchor> ordered = anchors.stream()
                .sorted(Comparator.comparing(Anchor::subject, NodeCmp::compareRDFTerms)
                        .thenComparing(Anchor::kind)
                        .thenComparingInt(a -> a.span().start())
                        .thenComparingInt(a -> a.span().end()))
                .toList();
        int rank = 0;
        Anchor previous = null;
        for (Anchor anchor : ordered) {
            boolean sameSeries = previous != null && previous.subject().equals(anchor.subject())
                    && previous.kind().equals(anchor.kind());
            rank = sameSeries ? rank + 1 : 1;
            previous = anchor;
            int start = anchor.span().start();
            int end = anchor.span().end();
            Node annotation = child(anchor.subject(), anchor.kind() + "/" + rank);
            Node target = child(annotation, "target");
            Node byQuote = child(annotation, "quote");
            Node byPosition = child(annotation, "position");
            graph.add(annotation, RDF.type.asNode(), oa("Annotation"));
            graph.add(annotation, oa("motivatedBy"), oa("describing"));
            graph.add(annotation, oa("hasBody"), anchor.subject());
            graph.add(annotation, oa("hasTarget"), target);
            graph.add(target, RDF.type.asNode(), oa("SpecificResource"));
            graph.add(target, oa("hasSource"), article);
            graph.add(target, oa("hasSelector"), byQuote);
            graph.add(target, oa("hasSelector"), byPosition);
            graph.add(byQuote, RDF.type.asNode(), oa("TextQuoteSelector"));
            graph.add(byQuote, oa("exact"), NodeFactory.createLiteralString(text.slice(start, end)));
            if (start > 0) {
                graph.add(byQuote, oa("prefix"), NodeFactory.createLiteralString(text.slice(start - CONTEXT, start)));
            }
            String suffix = text.slice(end, end + CONTEXT);
            if (!suffix.isEmpty()) {
                graph.add(byQuote, oa("suffix"), NodeFactory.createLiteralString(suffix));
            }
            graph.add(byPosition, RDF.type.asNode(), oa("TextPositionSelector"));
            graph.add(byPosition, oa("start"), nonNegative(start));
            graph.add(byPosition, oa("end"), nonNegative(end));
        }
        return graph;
    }

    /** A node named after its parent: an IRI path below an IRI, or a blank node label below a blank node's. */
    private static Node child(Node parent, String path) {
        return parent.isURI()
                ? NodeFactory.createURI(parent.getURI() + "/" + path)
                : NodeFactory.createBlankNode(parent.getBlankNodeLabel() + "/" + path);
    }

    private static Node nonNegative(int value) {
        return NodeFactory.createLiteralDT(Integer.toString(value), XSDDatatype.XSDnonNegativeInteger);
    }

    static Node oa(String localName) {
        return NodeFactory.createURI(Namespaces.OA + localName);
    }

    private static Node srkg(String localName) {
        return NodeFactory.createURI(Namespaces.ONTOLOGY + localName);
    }
}
