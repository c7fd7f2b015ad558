package org.w3id.srkg.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.srkg.pipeline.Namespaces;

/**
 * The built dataset as the web face sees it: where each IRI is answered locally, what a node is called, and
 * which article a named graph holds. Read only; the servlets share one instance.
 */
public final class Publication {

    /** The namespace whose IRIs this server answers for when none is configured: the data's own. */
    public static final String DEFAULT_PUBLIC_BASE = "https://w3id.org/srkg/";

    static final String SRKG = Namespaces.ONTOLOGY;
    static final String OA = Namespaces.OA;
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs";
    static final String WIKIDATA = "http://www.wikidata.org/entity/";

    private static final Node SCHEMA_NAME = NodeFactory.createURI("https://schema.org/name");
    private static final Comparator<Node> NODE_ORDER = NodeCmp::compareRDFTerms;

    private final DatasetGraph dataset;
    private final String publicBase;
    private final PrefixMap prefixes;

    public Publication(DatasetGraph dataset, String publicBase) {
        this.dataset = dataset;
        this.publicBase = publicBase.endsWith("/") ? publicBase : publicBase + "/";
        this.prefixes = Namespaces.dumpPrefixes();
        prefixes.add("id", Namespaces.ID);
        prefixes.add("graph", Namespaces.GRAPH);
        prefixes.add("org", "http://www.w3.org/ns/org#");
        prefixes.add("wd", WIKIDATA);
    }

    public DatasetGraph dataset() {
        return dataset;
    }

    public Graph union() {
        return dataset.getUnionGraph();
    }

    public String publicBase() {
        return publicBase;
    }

    public PrefixMap prefixes() {
        return prefixes;
    }

    /** The IRI a request path stands for: {@code /id/x} is {@code <publicBase>id/x}. */
    public Node iriFor(String path) {
        return NodeFactory.createURI(publicBase + (path.startsWith("/") ? path.substring(1) : path));
    }

    /** Where a browser finds an IRI: this server for IRIs under the public base, the IRI itself otherwise. */
    public String href(Node node) {
        if (!node.isURI()) {
            return null;
        }
        String iri = node.getURI();
        return iri.startsWith(publicBase) ? "/" + iri.substring(publicBase.length()) : iri;
    }

    /** Whether the dataset mentions the IRI at all, in any position or as a graph name. */
    public boolean knows(Node iri) {
        return dataset.find(Node.ANY, iri, Node.ANY, Node.ANY).hasNext()
                || dataset.find(Node.ANY, Node.ANY, Node.ANY, iri).hasNext()
                || dataset.find(Node.ANY, Node.ANY, iri, Node.ANY).hasNext()
                || dataset.containsGraph(iri);
    }

    /** A reader's name for a node: its English label, another label or title, else a prefixed name. */
    public String label(Node node) {
        if (node.isLiteral()) {
            return node.getLiteralLexicalForm();
        }
        if (node.isURI() || node.isBlank()) {
            for (Node property : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), DCTerms.title.asNode(), SCHEMA_NAME)) {
                Optional<String> label = literal(node, property);
                if (label.isPresent()) {
                    return label.get();
                }
            }
        }
        return node.isURI() ? shortName(node.getURI()) : "(unnamed)";
    }

    /** The English value of a property if there is one, else any value; the smallest, so pages are stable. */
    public Optional<String> literal(Node subject, Node property) {
        List<Node> values = objects(subject, property).stream().filter(Node::isLiteral).toList();
        return values.stream().filter(v -> "en".equalsIgnoreCase(v.getLiteralLanguage())).findFirst()
                .or(() -> values.stream().findFirst())
                .map(Node::getLiteralLexicalForm);
    }

    public String shortName(String iri) {
        String prefixed = prefixes.abbreviate(iri);
        return prefixed != null ? prefixed : iri;
    }

    /** Distinct objects of a subject and property over all graphs, in RDF term order. */
    public List<Node> objects(Node subject, Node property) {
        return union().find(subject, property, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .distinct().sorted(NODE_ORDER).toList();
    }

    /** Distinct subjects of a property and object over all graphs, in RDF term order. */
    public List<Node> subjects(Node property, Node object) {
        return union().find(Node.ANY, property, object).mapWith(Triple::getSubject).toList().stream()
                .distinct().sorted(NODE_ORDER).toList();
    }

    /** The named graphs that state a triple, in order. */
    public List<Node> graphsOf(Triple triple) {
        List<Node> graphs = new ArrayList<>();
        dataset.find(Node.ANY, triple.getSubject(), triple.getPredicate(), triple.getObject())
                .forEachRemaining(q -> graphs.add(q.getGraph()));
        graphs.removeIf(Quad::isDefaultGraph);
        return graphs.stream().distinct().sorted(NODE_ORDER).toList();
    }

    /** The article a named graph holds: {@code graph/article/NNN} holds {@code id/article/NNN}. */
    public Optional<Node> articleOf(Node graph) {
        String prefix = Namespaces.GRAPH + "article/";
        if (graph.isURI() && graph.getURI().startsWith(prefix)) {
            return Optional.of(NodeFactory.createURI(Namespaces.ARTICLE + graph.getURI().substring(prefix.length())));
        }
        return Optional.empty();
    }

    static Node srkg(String local) {
        return NodeFactory.createURI(SRKG + local);
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
