package org.w3id.srkg.web;

import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.w3id.srkg.pipeline.Namespaces;

import jakarta.servlet.http.HttpServletRequest;

/** {@code /.well-known/void} (RFC 5785, VoID §7.2): the metadata graph, whatever the build puts in it. */
final class VoidServlet extends NegotiatingServlet {

    static final String PATH = "/.well-known/void";

    VoidServlet(Publication publication) {
        super(publication);
    }

    @Override
    Optional<Node> resolve(HttpServletRequest request) {
        return Optional.of(Namespaces.DATASET);
    }

    @Override
    Graph describe(Node subject) {
        Graph out = GraphMemFactory.createDefaultGraph();
        publication.dataset().getGraph(Namespaces.METADATA_GRAPH).find().forEachRemaining(out::add);
        return out;
    }

    @Override
    String page(Node subject) {
        return GraphPage.render(publication, "About the dataset",
                "The dataset's own description (VoID), as the build records it in the graph "
                        + Namespaces.METADATA_GRAPH.getURI() + ".",
                describe(subject), PATH);
    }
}
