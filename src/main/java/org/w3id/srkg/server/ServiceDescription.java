package org.w3id.srkg.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.srkg.pipeline.Namespaces;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The SPARQL 1.1 Service Description of the query endpoint, answered to a GET without a query string (as the
 * Service Description spec asks; Fuseki itself serves none). It says what the endpoint is (query only, SPARQL 1.1,
 * union default graph, SERVICE to the allowlisted endpoints), which result formats it returns, and what data it holds:
 * the default dataset is the pipeline's VoID description, whose metadata graph is included whole (dataset, subsets,
 * counts and linksets), so this class describes the endpoint and never a second copy of the data's statistics.
 * <p>
 * A request that accepts HTML passes through: browsers get whatever page the server offers there.
 */
public final class ServiceDescription implements Filter {

    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    /** What Fuseki's query endpoint writes: SELECT/ASK results, then CONSTRUCT/DESCRIBE graphs. */
    private static final List<String> RESULT_FORMATS = List.of("SPARQL_Results_JSON", "SPARQL_Results_XML",
            "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD");

    private final DatasetGraph dataset;
    private final ServiceAllowlist services;

    /** Reads {@code dataset} at each request, so that a reloaded dataset is described as it now is. */
    ServiceDescription(DatasetGraph dataset, ServiceAllowlist services) {
        this.dataset = dataset;
        this.services = services;
    }

    /** The description of the endpoint at {@code endpoint}, the URL clients send queries to. */
    public Graph describe(String endpoint) {
        Graph metadata = GraphFactory.createDefaultGraph();
        metadata.getPrefixMapping().setNsPrefixes(Namespaces.dumpPrefixes().getMapping());
        List<Node> namedGraphs = new ArrayList<>();
        Txn.executeRead(dataset, () -> {
            dataset.getGraph(Namespaces.METADATA_GRAPH).find().forEachRemaining(metadata::add);
            dataset.listGraphNodes().forEachRemaining(namedGraphs::add);
        });
        namedGraphs.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(metadata.getPrefixMapping());
        graph.getPrefixMapping().setNsPrefix("sd", SD);
        graph.getPrefixMapping().setNsPrefix("formats", FORMATS);
        Node service = NodeFactory.createURI(endpoint);
        Node dataset = Namespaces.DATASET;
        graph.add(service, RDF.type.asNode(), sd("Service"));
        graph.add(service, sd("endpoint"), service);
        graph.add(service, sd("supportedLanguage"), sd("SPARQL11Query"));
        graph.add(service, sd("feature"), sd("UnionDefaultGraph"));
        RESULT_FORMATS.forEach(f -> graph.add(service, sd("resultFormat"), NodeFactory.createURI(FORMATS + f)));
        graph.add(service, sd("defaultDataset"), dataset);
        graph.add(dataset, RDF.type.asNode(), sd("Dataset"));
        for (Node name : namedGraphs) {
            Node named = NodeFactory.createBlankNode("named-" + name.getURI());
            graph.add(dataset, sd("namedGraph"), named);
            graph.add(named, RDF.type.asNode(), sd("NamedGraph"));
            graph.add(named, sd("name"), name);
        }
        if (!services.entries().isEmpty()) {
            graph.add(service, sd("feature"), sd("BasicFederatedQuery"));
            graph.add(service, RDFS.comment.asNode(), NodeFactory.createLiteralLang(
                    "SERVICE may call only: " + String.join(" ", services.entries().keySet()), "en"));
            for (String allowed : services.entries().keySet()) {
                Node remote = NodeFactory.createURI(allowed);
                graph.add(service, DCTerms.relation.asNode(), remote);
                graph.add(remote, RDF.type.asNode(), sd("Service"));
                graph.add(remote, sd("endpoint"), remote);
            }
        }
        metadata.find().forEachRemaining(graph::add);
        return graph;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String accept = http.getHeader("Accept");
        boolean describe = "GET".equals(http.getMethod()) && http.getQueryString() == null
                && (accept == null || !accept.contains("text/html"));
        if (!describe) {
            chain.doFilter(request, response);
            return;
        }
        MediaType type = ConNeg.chooseContentType(http, DEF.rdfOffer, DEF.acceptTurtle);
        Lang lang = RDFLanguages.contentTypeToLang(type.getContentTypeStr());
        HttpServletResponse out = (HttpServletResponse) response;
        out.setStatus(HttpServletResponse.SC_OK);
        out.setContentType(type.getContentTypeStr() + "; charset=utf-8");
        out.setHeader("Vary", "Accept");
        RDFDataMgr.write(out.getOutputStream(), describe(http.getRequestURL().toString()), lang);
    }

    private static Node sd(String localName) {
        return NodeFactory.createURI(SD + localName);
    }
}
