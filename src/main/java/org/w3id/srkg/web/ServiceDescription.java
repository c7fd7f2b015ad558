package org.w3id.srkg.web;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.srkg.pipeline.Namespaces;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The SPARQL 1.1 Service Description, answered where the protocol puts it: a GET of the endpoint without a
 * query. It is a filter in front of Fuseki's dispatch, so every request that carries parameters (a query) goes
 * on to Fuseki untouched.
 */
final class ServiceDescription extends NegotiatingServlet implements Filter {

    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    ServiceDescription(Publication publication) {
        super(publication);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
                && ("GET".equals(http.getMethod()) || "HEAD".equals(http.getMethod()))
                && (http.getQueryString() == null || http.getParameterMap().keySet().equals(Set.of(Representation.FORMAT_PARAM)))) {
            service(http, httpResponse);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    Optional<Node> resolve(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return Optional.of(NodeFactory.createURI(url));
    }

    @Override
    Graph describe(Node endpoint) {
        Graph out = GraphMemFactory.createDefaultGraph();
        add(out, endpoint, RDF.type.asNode(), sd("Service"));
        add(out, endpoint, sd("endpoint"), endpoint);
        add(out, endpoint, sd("supportedLanguage"), sd("SPARQL11Query"));
        add(out, endpoint, sd("feature"), sd("UnionDefaultGraph"));
        for (String format : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"}) {
            add(out, endpoint, sd("resultFormat"), NodeFactory.createURI(FORMATS + format));
        }
        Node dataset = Namespaces.DATASET;
        add(out, endpoint, sd("defaultDataset"), dataset);
        add(out, dataset, RDF.type.asNode(), sd("Dataset"));
        publication.literal(dataset, DCTerms.title.asNode()).ifPresent(t ->
                add(out, dataset, DCTerms.title.asNode(), NodeFactory.createLiteralString(t)));
        Node defaultGraph = NodeFactory.createBlankNode("default");
        add(out, dataset, sd("defaultGraph"), defaultGraph);
        add(out, defaultGraph, RDF.type.asNode(), sd("Graph"));
        Iter.toList(publication.dataset().listGraphNodes()).stream().sorted(NodeCmp::compareRDFTerms).forEach(name -> {
            Node named = NodeFactory.createBlankNode("graph " + name.getURI());
            add(out, dataset, sd("namedGraph"), named);
            add(out, named, sd("name"), name);
        });
        return out;
    }

    @Override
    String page(Node endpoint) {
        return GraphPage.render(publication, "SPARQL service", "The SPARQL 1.1 service description of "
                + endpoint.getURI() + ". Send a query with ?query= or use the query page.", describe(endpoint),
                publication.href(endpoint) == null ? "" : endpoint.getURI());
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }

    private static void add(Graph graph, Node s, Node p, Node o) {
        graph.add(Triple.create(s, p, o));
    }
}
