package org.w3id.srkg.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.NodeCmp;

/**
 * A small graph as a page (the dataset metadata, the service description): its statements grouped by subject,
 * blank nodes nested under what points at them, each name linked.
 */
final class GraphPage {

    private static final Comparator<Triple> ORDER = Comparator.comparing(Triple::getPredicate, NodeCmp::compareRDFTerms)
            .thenComparing(Triple::getObject, NodeCmp::compareRDFTerms);

    private GraphPage() {
    }

    static String render(Publication publication, String title, String intro, Graph graph, String path) {
        StringBuilder body = new StringBuilder("<article>\n<h1>").append(Html.text(title)).append("</h1>\n<p>")
                .append(Html.text(intro)).append("</p>\n");
        graph.find().mapWith(Triple::getSubject).toList().stream().distinct()
                .filter(Node::isURI)
                .sorted(NodeCmp::compareRDFTerms)
                .forEach(s -> body.append("<section><h2>").append(Html.link(publication.href(s), publication.label(s)))
                        .append("</h2>\n").append(statements(publication, graph, s, 0)).append("</section>\n"));
        body.append(NegotiatingServlet.alternates(path)).append("</article>");
        return Html.page(title, body.toString());
    }

    private static String statements(Publication publication, Graph graph, Node subject, int depth) {
        List<Triple> triples = graph.find(subject, Node.ANY, Node.ANY).toList().stream().sorted(ORDER).toList();
        return "<table class=\"statements\"><tbody>\n" + triples.stream()
                .map(t -> "<tr><td>" + value(publication, graph, t.getPredicate(), depth) + "</td><td>"
                        + value(publication, graph, t.getObject(), depth) + "</td></tr>\n")
                .collect(Collectors.joining()) + "</tbody></table>";
    }

    private static String value(Publication publication, Graph graph, Node node, int depth) {
        if (node.isURI()) {
            return Html.link(publication.href(node), publication.shortName(node.getURI()));
        }
        if (node.isLiteral()) {
            return Html.text(node.getLiteralLexicalForm());
        }
        // Blank nodes in metadata are small and acyclic; the bound only guards against a cycle.
        return depth < 4 ? statements(publication, graph, node, depth + 1) : "[…]";
    }
}
