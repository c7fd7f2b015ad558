package org.w3id.srkg.pipeline;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;

/** The public IRIs of srkg. They are a contract with data users: change them only with a migration. */
public final class Namespaces {

    public static final String ONTOLOGY = "https://w3id.org/srkg/ontology#";
    public static final String ID = "https://w3id.org/srkg/id/";
    public static final String GRAPH = "https://w3id.org/srkg/graph/";
    public static final String ARTICLE = ID + "article/";
    /** Files of the repository, by their path from the seed root: {@code https://w3id.org/srkg/seeds/articles/003.txt}. */
    public static final String FILE = "https://w3id.org/srkg/";
    /** W3C Web Annotation vocabulary, for evidence anchors. */
    public static final String OA = "http://www.w3.org/ns/oa#";

    public static final Node ONTOLOGY_GRAPH = graph("ontology");
    public static final Node SHAPES_GRAPH = graph("shapes");
    public static final Node ENTITIES_GRAPH = graph("entities");
    public static final Node METADATA_GRAPH = graph("metadata");
    /** What the ontology entails about the data and no graph asserts; see {@link Inferencer}. */
    public static final Node INFERRED_GRAPH = graph("inferred");
    /** The example queries of {@code examples/queries/}, so that the endpoint serves its own examples. */
    public static final Node EXAMPLES_GRAPH = graph("examples");
    public static final Node DATASET = NodeFactory.createURI(ID + "dataset");

    private Namespaces() {
    }

    public static Node graph(String localName) {
        return NodeFactory.createURI(GRAPH + localName);
    }

    public static Node articleGraph(String number) {
        return graph("article/" + number);
    }

    /**
     * The prefixes written into every dump and used in messages. A fixed list, so that dumps do not change
     * when a seed file adds or drops a prefix declaration.
     */
    public static PrefixMap dumpPrefixes() {
        PrefixMap prefixes = PrefixMapFactory.create();
        prefixes.add("srkg", ONTOLOGY);
        prefixes.add("dcat", "http://www.w3.org/ns/dcat#");
        prefixes.add("dcterms", "http://purl.org/dc/terms/");
        prefixes.add("oa", OA);
        prefixes.add("owl", "http://www.w3.org/2002/07/owl#");
        prefixes.add("prov", "http://www.w3.org/ns/prov#");
        prefixes.add("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        prefixes.add("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        prefixes.add("schema", "https://schema.org/");
        prefixes.add("sh", "http://www.w3.org/ns/shacl#");
        prefixes.add("skos", "http://www.w3.org/2004/02/skos/core#");
        prefixes.add("void", "http://rdfs.org/ns/void#");
        prefixes.add("xsd", "http://www.w3.org/2001/XMLSchema#");
        return prefixes;
    }
}
