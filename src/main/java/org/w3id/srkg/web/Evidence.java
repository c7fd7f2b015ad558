package org.w3id.srkg.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * The quotes that support a claim, as a reader should see them: the verbatim {@code srkg:evidence} marked, with
 * the words around it when the data has W3C Web Annotation selectors. A selector is found wherever the claim
 * reaches it (directly or through a target node) or on an annotation whose body or target is the claim; the
 * quote selector's {@code oa:exact} is matched to the evidence string it anchors.
 */
final class Evidence {

    /** One quote: {@code prefix} and {@code suffix} are empty when the data gives no context. */
    record Passage(String prefix, String exact, String suffix, Integer start, Integer end) {

        String html() {
            StringBuilder out = new StringBuilder("<span class=\"passage\">");
            if (!prefix.isEmpty()) {
                out.append("…").append(Html.text(prefix));
            }
            out.append("<mark>").append(Html.text(exact)).append("</mark>");
            if (!suffix.isEmpty()) {
                out.append(Html.text(suffix)).append("…");
            }
            out.append("</span>");
            if (start != null && end != null) {
                out.append(" <span class=\"position\">(characters ").append(start).append("–").append(end).append(")</span>");
            }
            return out.toString();
        }
    }

    private static final Node EVIDENCE = Publication.srkg("evidence");
    private static final Node HAS_SELECTOR = Publication.uri(Publication.OA + "hasSelector");
    private static final Node HAS_BODY = Publication.uri(Publication.OA + "hasBody");
    private static final Node HAS_TARGET = Publication.uri(Publication.OA + "hasTarget");
    private static final Node QUOTE_SELECTOR = Publication.uri(Publication.OA + "TextQuoteSelector");
    private static final Node POSITION_SELECTOR = Publication.uri(Publication.OA + "TextPositionSelector");
    private static final Node EXACT = Publication.uri(Publication.OA + "exact");
    private static final Node PREFIX = Publication.uri(Publication.OA + "prefix");
    private static final Node SUFFIX = Publication.uri(Publication.OA + "suffix");
    private static final Node START = Publication.uri(Publication.OA + "start");
    private static final Node END = Publication.uri(Publication.OA + "end");
    /** Claim → target → selector is two steps; an annotation adds one. Enough, and it keeps the walk local. */
    private static final int DEPTH = 3;

    private Evidence() {
    }

    static boolean isClaim(Publication publication, Node node) {
        return publication.union().contains(node, EVIDENCE, Node.ANY)
                || publication.union().contains(node, RDF.type.asNode(), Publication.srkg("Claim"));
    }

    static List<Passage> of(Publication publication, Node claim) {
        Map<String, Passage> byExact = new LinkedHashMap<>();
        for (Node selector : quoteSelectors(publication, claim)) {
            publication.literal(selector, EXACT).ifPresent(exact -> byExact.putIfAbsent(exact, new Passage(
                    publication.literal(selector, PREFIX).orElse(""), exact,
                    publication.literal(selector, SUFFIX).orElse(""),
                    position(publication, selector, START), position(publication, selector, END))));
        }
        List<Passage> passages = new ArrayList<>();
        for (Node evidence : publication.objects(claim, EVIDENCE)) {
            String quote = evidence.getLiteralLexicalForm();
            Passage anchored = byExact.remove(quote);
            passages.add(anchored != null ? anchored : new Passage("", quote, "", null, null));
        }
        passages.addAll(byExact.values());
        return passages;
    }

    private static List<Node> quoteSelectors(Publication publication, Node claim) {
        List<Node> starts = new ArrayList<>(List.of(claim));
        starts.addAll(publication.subjects(HAS_BODY, claim));
        starts.addAll(publication.subjects(HAS_TARGET, claim));
        List<Node> found = new ArrayList<>();
        Set<Node> seen = new HashSet<>(starts);
        Deque<Map.Entry<Node, Integer>> todo = new ArrayDeque<>();
        starts.forEach(s -> todo.add(Map.entry(s, 0)));
        while (!todo.isEmpty()) {
            Map.Entry<Node, Integer> next = todo.poll();
            Node node = next.getKey();
            if (publication.union().contains(node, RDF.type.asNode(), QUOTE_SELECTOR)) {
                found.add(node);
            }
            if (next.getValue() < DEPTH) {
                publication.union().find(node, Node.ANY, Node.ANY).mapWith(Triple::getObject)
                        .filterKeep(o -> (o.isBlank() || o.isURI()) && seen.add(o))
                        .forEachRemaining(o -> todo.add(Map.entry(o, next.getValue() + 1)));
            }
        }
        return found;
    }

    /**
     * A position selector sits beside the quote selector under the same {@code oa:hasSelector} owner; its
     * offsets are shown with the quote so a reader can find it in the article text.
     */
    private static Integer position(Publication publication, Node quoteSelector, Node property) {
        for (Node owner : publication.subjects(HAS_SELECTOR, quoteSelector)) {
            for (Node sibling : publication.objects(owner, HAS_SELECTOR)) {
                if (publication.union().contains(sibling, RDF.type.asNode(), POSITION_SELECTOR)) {
                    Optional<String> value = publication.literal(sibling, property);
                    if (value.isPresent() && value.get().matches("\\d+")) {
                        return Integer.valueOf(value.get());
                    }
                }
            }
        }
        return null;
    }
}
