package org.w3id.srkg.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;

/**
 * Describes the built dataset in the metadata graph: VoID statistics and partitions, a DCAT dataset with its
 * dumps, and the build as a PROV activity with the checksum of every input file. It runs last, so its counts
 * cover every other graph, the inferred one included; the metadata graph does not count itself.
 * <p>
 * Every number is computed from the dataset. The build time is {@code SOURCE_DATE_EPOCH} when the environment
 * sets it (the reproducible-builds convention; release builds set it to the commit time), otherwise the newest
 * last-modified time of the input files, to the second: never the clock, so that the same checkout builds
 * byte-identical dumps.
 */
public final class DatasetDescriber {

    static final String TITLE = "Sino-Russian Relations Knowledge Graph";
    static final String DESCRIPTION = "A hand-curated knowledge graph of Sino-Russian relations: the shared entities,"
            + " and every claim of each source article, with its verbatim evidence, in that article's named graph.";
    /** Where the server and the dumps are published unless {@value #PUBLIC_BASE_VARIABLE} says otherwise. */
    public static final String DEFAULT_PUBLIC_BASE = "http://127.0.0.1:3030/";
    public static final String PUBLIC_BASE_VARIABLE = "SRKG_PUBLIC_BASE";
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";
    /** Wikidata's own item for Wikidata, the other side of the linkset. */
    static final Node WIKIDATA = NodeFactory.createURI(WIKIDATA_ENTITY + "Q2013");
    static final Node LINKSET = NodeFactory.createURI(Namespaces.ID + "dataset/wikidata-links");
    static final Node BUILD = NodeFactory.createURI(Namespaces.ID + "dataset/build");
    static final Node SOFTWARE = NodeFactory.createURI(Namespaces.ID + "software/srkg");
    static final Node SHA256 = NodeFactory.createURI(Namespaces.ONTOLOGY + "sha256");
    static final List<String> EXAMPLES = List.of("vladimir-putin", "xi-jinping", "vostok-2018");
    static final Map<String, String> MEDIA_TYPES = Map.of(
            "srkg.trig", "application/trig", "srkg.nq", "application/n-quads", "srkg.ttl", "text/turtle",
            "srkg.jsonld", "application/ld+json");

    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String SCHEMA = "https://schema.org/";

    private final DatasetGraph dataset;

    private DatasetDescriber(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /**
     * @param inputs      the seed files the dataset was built from
     * @param environment where {@value #PUBLIC_BASE_VARIABLE} and {@value #SOURCE_DATE_EPOCH} are looked up;
     *                    a parameter rather than {@link System#getenv()} so that tests can set them
     */
    public static void describe(DatasetGraph dataset, Collection<SeedFile> inputs, Map<String, String> environment)
            throws PipelineException {
        String base = environment.getOrDefault(PUBLIC_BASE_VARIABLE, DEFAULT_PUBLIC_BASE);
        base = base.endsWith("/") ? base : base + "/";
        DatasetDescriber describer = new DatasetDescriber(dataset);
        describer.describeContents(base);
        describer.describeBuild(inputs, buildTime(inputs, environment));
    }

    private void describeContents(String base) {
        Statistics stats = new Statistics();
        dataset.find().forEachRemaining(q -> {
            if (!q.getGraph().equals(Namespaces.METADATA_GRAPH)) {
                stats.add(q);
            }
        });
        Node ds = Namespaces.DATASET;
        add(ds, RDF.type, VOID.Dataset.asNode());
        add(ds, RDF.type, DCAT.Dataset.asNode());
        add(ds, DCTerms.title, NodeFactory.createLiteralLang(TITLE, "en"));
        add(ds, DCTerms.description, NodeFactory.createLiteralLang(DESCRIPTION, "en"));
        dataset.getGraph(Namespaces.ONTOLOGY_GRAPH).find(Node.ANY, RDF.type.asNode(), OWL2.Ontology.asNode())
                .forEachRemaining(ontology -> dataset.getGraph(Namespaces.ONTOLOGY_GRAPH)
                        .find(ontology.getSubject(), DCTerms.license.asNode(), Node.ANY).toList()
                        .forEach(licence -> add(ds, DCTerms.license, licence.getObject())));
        add(ds, VOID.sparqlEndpoint, NodeFactory.createURI(base + "sparql"));
        add(ds, VOID.uriSpace, NodeFactory.createLiteralString(Namespaces.ID));
        for (String file : DumpPublisher.FILES) {
            Node download = NodeFactory.createURI(base + "downloads/" + file);
            Node distribution = NodeFactory.createURI(Namespaces.ID + "dataset/dump/" + file);
            add(ds, VOID.dataDump, download);
            add(ds, DCAT.distribution, distribution);
            add(distribution, RDF.type, DCAT.Distribution.asNode());
            add(distribution, DCAT.downloadURL, download);
            add(distribution, DCAT.mediaType,
                    NodeFactory.createURI("https://www.iana.org/assignments/media-types/" + MEDIA_TYPES.get(file)));
        }
        for (String example : EXAMPLES) {
            Node resource = NodeFactory.createURI(Namespaces.ID + example);
            if (stats.subjects.contains(resource)) {
                add(ds, VOID.exampleResource, resource);
            }
        }
        stats.vocabularies().forEach(v -> add(ds, VOID.vocabulary, NodeFactory.createURI(v)));

        add(ds, VOID.triples, integer(stats.triples));
        add(ds, VOID.entities, integer(stats.entities.size()));
        add(ds, VOID.distinctSubjects, integer(stats.subjects.size()));
        add(ds, VOID.properties, integer(stats.properties.size()));
        add(ds, VOID.classes, integer(stats.classes.size()));
        Statistics.sorted(stats.classes).forEach((c, instances) -> {
            Node partition = partition("class", c);
            add(ds, VOID.classPartition, partition);
            add(partition, VOID._class, c);
            add(partition, VOID.entities, integer(instances.size()));
        });
        Statistics.sorted(stats.properties).forEach((p, count) -> {
            Node partition = partition("property", p);
            add(ds, VOID.propertyPartition, partition);
            add(partition, VOID.property, p);
            add(partition, VOID.triples, integer(count));
        });
        Statistics.sorted(stats.graphTriples).forEach((g, count) -> {
            add(ds, VOID.subset, g);
            add(g, RDF.type, VOID.Dataset.asNode());
            add(g, VOID.triples, integer(count));
            add(g, VOID.entities, integer(stats.graphEntities.get(g).size()));
        });

        add(ds, VOID.subset, LINKSET);
        add(LINKSET, RDF.type, VOID.Linkset.asNode());
        add(LINKSET, VOID.linkPredicate, OWL2.sameAs.asNode());
        add(LINKSET, VOID.target, ds);
        add(LINKSET, VOID.target, WIKIDATA);
        add(LINKSET, VOID.triples, integer(stats.wikidataLinks));
        add(WIKIDATA, RDF.type, VOID.Dataset.asNode());
        add(WIKIDATA, DCTerms.title, NodeFactory.createLiteralLang("Wikidata", "en"));
        add(WIKIDATA, VOID.uriSpace, NodeFactory.createLiteralString(WIKIDATA_ENTITY));
    }

    private void describeBuild(Collection<SeedFile> inputs, Instant endedAt) throws PipelineException {
        add(Namespaces.DATASET, uri(PROV + "wasGeneratedBy"), BUILD);
        add(BUILD, RDF.type, uri(PROV + "Activity"));
        add(BUILD, uri(PROV + "endedAtTime"),
                NodeFactory.createLiteralDT(endedAt.toString(), XSDDatatype.XSDdateTime));
        add(BUILD, uri(PROV + "wasAssociatedWith"), SOFTWARE);
        add(SOFTWARE, RDF.type, uri(PROV + "SoftwareAgent"));
        add(SOFTWARE, RDFS.label, NodeFactory.createLiteralString("srkg"));
        add(SOFTWARE, uri(SCHEMA + "softwareVersion"), NodeFactory.createLiteralString(version()));
        for (SeedFile file : inputs) {
            Node input = NodeFactory.createURI(Namespaces.ID + "dataset/input/" + file.relative());
            add(BUILD, uri(PROV + "used"), input);
            add(input, RDF.type, uri(PROV + "Entity"));
            add(input, RDFS.label, NodeFactory.createLiteralString(file.relative()));
            add(input, SHA256, NodeFactory.createLiteralString(sha256(file)));
        }
    }

    static Instant buildTime(Collection<SeedFile> inputs, Map<String, String> environment) throws PipelineException {
        String epoch = environment.get(SOURCE_DATE_EPOCH);
        if (epoch != null) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
            } catch (NumberFormatException e) {
                throw new PipelineException(Problem.inFile(SOURCE_DATE_EPOCH,
                        "must be a whole number of seconds since 1970-01-01T00:00:00Z, not '" + epoch + "'"));
            }
        }
        Instant newest = Instant.EPOCH;
        for (SeedFile file : inputs) {
            try {
                Instant modified = Files.getLastModifiedTime(file.path()).toInstant();
                newest = modified.isAfter(newest) ? modified : newest;
            } catch (IOException e) {
                throw new PipelineException(Problem.inFile(file.relative(), "cannot read its time: " + e.getMessage()));
            }
        }
        return newest.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The project version, put into a resource by Maven's resource filtering (see pom.xml). */
    static String version() {
        try (InputStream in = DatasetDescriber.class.getResourceAsStream("/org/w3id/srkg/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/w3id/srkg/version.properties is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(SeedFile file) throws PipelineException {
        try {
            return Sha256.hex(Files.readAllBytes(file.path()));
        } catch (IOException e) {
            throw new PipelineException(Problem.inFile(file.relative(), "cannot read: " + e.getMessage()));
        }
    }

    /** Partitions are named by a hash of what they partition by, so the same class keeps the same IRI. */
    static Node partition(String kind, Node term) {
        byte[] digest = Sha256.digest(term.getURI().getBytes(StandardCharsets.UTF_8));
        return NodeFactory.createURI(Namespaces.ID + "dataset/" + kind + "/" + HexFormat.of().formatHex(digest, 0, 8));
    }

    private void add(Node s, org.apache.jena.rdf.model.Property p, Node o) {
        add(s, p.asNode(), o);
    }

    private void add(Node s, Node p, Node o) {
        dataset.add(Namespaces.METADATA_GRAPH, s, p, o);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node integer(long value) {
        return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger);
    }

    /**
     * One pass over the quads. Counted in hash maps, which a pass over every quad needs to be cheap, and sorted
     * only when read, so that the metadata is added in a stable order.
     */
    private static final class Statistics {
        private static final Comparator<Node> ORDER = NodeCmp::compareRDFTerms;

        long triples;
        long wikidataLinks;
        final Set<Node> entities = new HashSet<>();
        final Set<Node> subjects = new HashSet<>();
        final Map<Node, Long> properties = new HashMap<>();
        final Map<Node, Set<Node>> classes = new HashMap<>();
        final Map<Node, Long> graphTriples = new HashMap<>();
        final Map<Node, Set<Node>> graphEntities = new HashMap<>();

        static <V> Map<Node, V> sorted(Map<Node, V> counts) {
            Map<Node, V> sorted = new TreeMap<>(ORDER);
            sorted.putAll(counts);
            return sorted;
        }

        void add(Quad q) {
            Node s = q.getSubject();
            Node p = q.getPredicate();
            Node o = q.getObject();
            triples++;
            subjects.add(s);
            properties.merge(p, 1L, Long::sum);
            graphTriples.merge(q.getGraph(), 1L, Long::sum);
            Set<Node> inGraph = graphEntities.computeIfAbsent(q.getGraph(), g -> new HashSet<>());
            if (s.isURI() && s.getURI().startsWith(Namespaces.ID)) {
                entities.add(s);
                inGraph.add(s);
            }
            if (p.equals(RDF.type.asNode()) && o.isURI()) {
                classes.computeIfAbsent(o, c -> new HashSet<>()).add(s);
            }
            if (p.equals(OWL2.sameAs.asNode()) && o.isURI() && o.getURI().startsWith(WIKIDATA_ENTITY)) {
                wikidataLinks++;
            }
        }

        /** The namespaces of every property and class used. */
        Set<String> vocabularies() {
            Set<String> namespaces = new TreeSet<>();
            properties.keySet().forEach(p -> namespaces.add(namespace(p.getURI())));
            classes.keySet().forEach(c -> namespaces.add(namespace(c.getURI())));
            return namespaces;
        }

        /** The IRI up to its last '#' or '/': how vocabularies name their namespace. */
        private static String namespace(String iri) {
            return iri.substring(0, Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        }
    }
}
