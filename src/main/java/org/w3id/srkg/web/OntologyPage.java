package org.w3id.srkg.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.srkg.pipeline.Namespaces;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /ontology}: the ontology graph as RDF by negotiation, and as documentation generated from it. Terms are
 * hash IRIs ({@code ontology#Person}), so they all dereference to this one document and each has its anchor.
 * Each term shows its label, definition, super- and sub-terms, domain and range, and an example from the data.
 */
final class OntologyPage extends NegotiatingServlet {

    static final Node ONTOLOGY = NodeFactory.createURI(Namespaces.ONTOLOGY.substring(0, Namespaces.ONTOLOGY.length() - 1));

    private static final Map<String, Node> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("Classes", OWL.Class.asNode());
        KINDS.put("Object properties", OWL.ObjectProperty.asNode());
        KINDS.put("Datatype properties", OWL.DatatypeProperty.asNode());
        KINDS.put("Annotation properties", OWL.AnnotationProperty.asNode());
    }

    OntologyPage(Publication publication) {
        super(publication);
    }

    @Override
    Optional<Node> resolve(HttpServletRequest request) {
        return Optional.of(ONTOLOGY);
    }

    @Override
    Graph describe(Node subject) {
        Graph out = GraphMemFactory.createDefaultGraph();
        ontology().find().forEachRemaining(out::add);
        return out;
    }

    private Graph ontology() {
        return publication.dataset().getGraph(Namespaces.ONTOLOGY_GRAPH);
    }

    @Override
    String page(Node subject) {
        Graph graph = ontology();
        String title = publication.literal(ONTOLOGY, DCTerms.title.asNode()).orElse("srkg ontology");
        StringBuilder body = new StringBuilder("<article class=\"ontology\">\n<h1>").append(Html.text(title)).append("</h1>\n")
                .append("<p class=\"iri\">Namespace <code>").append(Html.text(Namespaces.ONTOLOGY)).append("</code>");
        publication.literal(ONTOLOGY, OWL.versionInfo.asNode())
                .ifPresent(v -> body.append(" · version ").append(Html.text(v)));
        body.append("</p>\n");
        publication.literal(ONTOLOGY, DCTerms.description.asNode())
                .ifPresent(d -> body.append("<p>").append(Html.text(d)).append("</p>\n"));

        Map<String, List<Node>> groups = new LinkedHashMap<>();
        List<Node> listed = new ArrayList<>();
        KINDS.forEach((heading, kind) -> {
            List<Node> terms = own(graph.find(Node.ANY, RDF.type.asNode(), kind).mapWith(Triple::getSubject).toList());
            groups.put(heading, terms);
            listed.addAll(terms);
        });
        List<Node> rest = own(graph.find().mapWith(Triple::getSubject).toList());
        rest.removeAll(listed);
        groups.put("Vocabulary: schemes, concepts and values", rest);

        body.append("<nav class=\"toc\">\n");
        groups.forEach((heading, terms) -> body.append("<h2>").append(Html.text(heading)).append("</h2><p>")
                .append(terms.stream().map(t -> Html.link(publication.href(t), publication.shortName(t.getURI())))
                        .collect(Collectors.joining(" · ")))
                .append("</p>\n"));
        body.append("</nav>\n");
        groups.forEach((heading, terms) -> {
            body.append("<section class=\"terms\"><h2>").append(Html.text(heading)).append("</h2>\n");
            terms.forEach(t -> body.append(term(graph, t)));
            body.append("</section>\n");
        });
        body.append(alternates("/ontology")).append("</article>");
        return Html.page(title, body.toString());
    }

    /** The distinct terms of the srkg namespace, in order; imported terms are declared here but documented elsewhere. */
    private static List<Node> own(List<Node> nodes) {
        return new ArrayList<>(nodes.stream()
                .filter(n -> n.isURI() && n.getURI().startsWith(Namespaces.ONTOLOGY))
                .distinct().sorted(NodeCmp::compareRDFTerms).toList());
    }

    private String term(Graph graph, Node term) {
        String local = term.getURI().substring(Namespaces.ONTOLOGY.length());
        StringBuilder out = new StringBuilder("<section class=\"term\" id=").append(Html.attr(local)).append(">\n<h3>")
                .append(Html.text(publication.label(term))).append(" <code>").append(Html.text(publication.shortName(term.getURI())))
                .append("</code></h3>\n");
        Optional<String> definition = publication.literal(term, SKOS.definition.asNode())
                .or(() -> publication.literal(term, RDFS.comment.asNode()));
        out.append("<p class=\"definition\">").append(Html.text(definition.orElse("(no definition)"))).append("</p>\n<dl>\n");
        row(out, "Type", objects(graph, term, RDF.type.asNode()));
        Node sup = graph.contains(term, RDF.type.asNode(), OWL.Class.asNode()) ? RDFS.subClassOf.asNode() : RDFS.subPropertyOf.asNode();
        row(out, "Super-terms", objects(graph, term, sup));
        row(out, "Sub-terms", graph.find(Node.ANY, sup, term).mapWith(Triple::getSubject).toList().stream()
                .distinct().sorted(NodeCmp::compareRDFTerms).toList());
        row(out, "Domain", objects(graph, term, RDFS.domain.asNode()));
        row(out, "Range", objects(graph, term, RDFS.range.asNode()));
        row(out, "In scheme", objects(graph, term, SKOS.inScheme.asNode()));
        row(out, "Code", objects(graph, term, Publication.srkg("cameoCode")));
        example(term).ifPresent(example -> out.append("<dt>Example</dt><dd class=\"example\">").append(example).append("</dd>\n"));
        return out.append("</dl>\n</section>\n").toString();
    }

    private static List<Node> objects(Graph graph, Node subject, Node property) {
        return graph.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .distinct().sorted(NodeCmp::compareRDFTerms).toList();
    }

    private void row(StringBuilder out, String heading, List<Node> nodes) {
        if (!nodes.isEmpty()) {
            out.append("<dt>").append(Html.text(heading)).append("</dt><dd>")
                    .append(nodes.stream().map(this::value).collect(Collectors.joining(", "))).append("</dd>\n");
        }
    }

    /**
     * A use of the term in the curated data (not in the ontology or shapes): an instance of a class, a statement
     * with a property, a statement whose value is a vocabulary concept. The smallest in RDF term order, so the
     * page is stable.
     */
    private Optional<String> example(Node term) {
        Set<Node> schema = Set.of(Namespaces.ONTOLOGY_GRAPH, Namespaces.SHAPES_GRAPH);
        List<Quad> uses = new ArrayList<>();
        publication.dataset().find(Node.ANY, Node.ANY, RDF.type.asNode(), term).forEachRemaining(uses::add);
        if (uses.stream().noneMatch(q -> !schema.contains(q.getGraph()))) {
            publication.dataset().find(Node.ANY, Node.ANY, term, Node.ANY).forEachRemaining(uses::add);
            publication.dataset().find(Node.ANY, Node.ANY, Node.ANY, term).forEachRemaining(uses::add);
        }
        return uses.stream().filter(q -> !schema.contains(q.getGraph()))
                .map(Quad::asTriple)
                .min((a, b) -> {
                    int c = NodeCmp.compareRDFTerms(a.getSubject(), b.getSubject());
                    return c != 0 ? c : NodeCmp.compareRDFTerms(a.getObject(), b.getObject());
                })
                .map(t -> value(t.getSubject()) + " " + value(t.getPredicate()) + " " + value(t.getObject()));
    }

    private String value(Node node) {
        if (node.isLiteral()) {
            return "<span class=\"literal\">" + Html.text(node.getLiteralLexicalForm()) + "</span>";
        }
        if (node.isURI()) {
            return Html.link(publication.href(node), node.getURI().startsWith(Namespaces.ONTOLOGY)
                    ? publication.shortName(node.getURI()) : publication.label(node));
        }
        return "[…]";
    }
}
