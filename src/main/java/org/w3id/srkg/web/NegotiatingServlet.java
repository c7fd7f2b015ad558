package org.w3id.srkg.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.system.Txn;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A resource with one description in several forms: an HTML page for people and RDF for machines, chosen by
 * content negotiation. Every answer, the 404 and 406 included, carries {@code Vary: Accept}, so that a cache
 * between here and the reader never hands Turtle to a browser.
 */
abstract class NegotiatingServlet extends HttpServlet {

    protected final Publication publication;

    NegotiatingServlet(Publication publication) {
        this.publication = publication;
    }

    /** What the request names, or empty when this server holds nothing about it. */
    abstract Optional<Node> resolve(HttpServletRequest request);

    /** The description as RDF. */
    abstract Graph describe(Node subject);

    /** The description as a page. */
    abstract String page(Node subject);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        Optional<Representation> representation = Representation.choose(request);
        Optional<Node> subject = Txn.calculateRead(publication.dataset(), () -> resolve(request));
        if (subject.isEmpty()) {
            String what = "Nothing is known here about " + publication.iriFor(request.getRequestURI()).getURI() + ".";
            if (representation.orElse(Representation.HTML) == Representation.HTML) {
                send(response, HttpServletResponse.SC_NOT_FOUND, "text/html",
                        Html.page("Not found", "<h1>Not found</h1>\n<p>" + Html.text(what) + "</p>"));
            } else {
                send(response, HttpServletResponse.SC_NOT_FOUND, "text/plain", what + "\n");
            }
            return;
        }
        if (representation.isEmpty()) {
            send(response, HttpServletResponse.SC_NOT_ACCEPTABLE, "text/plain",
                    "This resource is available as " + Arrays.stream(Representation.values())
                            .map(r -> r.mediaType() + " (?format=" + r.shortName() + ")")
                            .collect(Collectors.joining(", ")) + ".\n");
            return;
        }
        Representation chosen = representation.get();
        if (chosen == Representation.HTML) {
            String html = Txn.calculateRead(publication.dataset(), () -> page(subject.get()));
            send(response, HttpServletResponse.SC_OK, "text/html", html);
            return;
        }
        Graph graph = Txn.calculateRead(publication.dataset(), () -> describe(subject.get()));
        graph.getPrefixMapping().setNsPrefixes(publication.prefixes().getMapping());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(chosen.mediaType());
        response.setCharacterEncoding("UTF-8");
        try (OutputStream out = response.getOutputStream()) {
            RDFWriter.source(graph).format(chosen.rdfFormat()).output(out);
        }
    }

    static void send(HttpServletResponse response, int status, String mediaType, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(mediaType);
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** Links to this description in each form, for the foot of a page. */
    static String alternates(String path) {
        String base = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
        return "<p class=\"formats\">Also as " + Arrays.stream(Representation.values())
                .filter(r -> r != Representation.HTML)
                .map(r -> Html.link(base + "?format=" + r.shortName(), r.mediaType()))
                .collect(Collectors.joining(" · ")) + "</p>";
    }
}
