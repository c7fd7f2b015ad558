package org.w3id.srkg.web;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.RDF;
import org.w3id.srkg.pipeline.Namespaces;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers for every IRI under {@code /id/} and {@code /graph/}: the request path {@code /id/x} stands for
 * {@code <publicBase>id/x}. The answer is the description itself with status 200, not a 303 redirect: the
 * thing's public IRI lives on w3id.org, whose redirect to this server is the step from the thing to the document
 * about it (see docs/LINKED-DATA.md). A named graph's IRI gives the graph's own statements.
 */
final class LinkedDataServlet extends NegotiatingServlet {

    LinkedDataServlet(Publication publication) {
        super(publication);
    }

    @Override
    Optional<Node> resolve(HttpServletRequest request) {
        Node iri = publication.iriFor(request.getRequestURI());
        return publication.knows(iri) ? Optional.of(iri) : Optional.empty();
    }

    @Override
    Graph describe(Node subject) {
        if (!publication.dataset().containsGraph(subject)) {
            return Description.of(publication, subject);
        }
        Graph out = GraphMemFactory.createDefaultGraph();
        publication.dataset().getGraph(subject).find().forEachRemaining(out::add);
        publication.dataset().getGraph(Namespaces.METADATA_GRAPH).find(subject, Node.ANY, Node.ANY).forEachRemaining(out::add);
        return out;
    }

    @Override
    String page(Node subject) {
        return publication.dataset().containsGraph(subject) ? graphPage(subject) : EntityPage.render(publication, subject);
    }

    /** A named graph: how big it is, which article it holds, and every resource it describes. */
    private String graphPage(Node graph) {
        Graph content = publication.dataset().getGraph(graph);
        String title = publication.articleOf(graph).map(a -> "Graph of " + publication.label(a)).orElse(publication.label(graph));
        StringBuilder body = new StringBuilder("<article class=\"graph\">\n<h1>").append(Html.text(title)).append("</h1>\n")
                .append("<p class=\"iri\"><code>").append(Html.text(graph.getURI())).append("</code></p>\n")
                .append("<p>").append(content.size()).append(" statements");
        publication.articleOf(graph).ifPresent(a -> body.append(", all from the article ")
                .append(Html.link(publication.href(a), publication.label(a))));
        body.append(".</p>\n<h2>Resources described in this graph</h2>\n<ul class=\"resources\">\n");
        List<Node> subjects = content.find().mapWith(Triple::getSubject).toList().stream()
                .filter(Node::isURI).distinct().sorted(NodeCmp::compareRDFTerms).toList();
        for (Node s : subjects) {
            body.append("<li>").append(Html.link(publication.href(s), publication.label(s)));
            List<Node> types = content.find(s, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
            if (!types.isEmpty()) {
                body.append(" <span class=\"kind\">").append(Html.text(String.join(", ",
                        types.stream().sorted(NodeCmp::compareRDFTerms).map(publication::label).toList()))).append("</span>");
            }
            body.append("</li>\n");
        }
        body.append("</ul>\n").append(alternates(publication.href(graph))).append("</article>");
        return Html.page(title, body.toString());
    }
}
