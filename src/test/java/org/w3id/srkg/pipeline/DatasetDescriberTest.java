package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.dataset.UnionDefaultGraph;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.support.Sha256;

/**
 * The metadata graph of the repository's seeds agrees with COUNT queries over the same data, asked in process
 * and over HTTP of a started server.
 */
class DatasetDescriberTest {

    private static final String PREFIXES = """
            PREFIX void: <http://rdfs.org/ns/void#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcat: <http://www.w3.org/ns/dcat#>
            PREFIX srkg: <https://w3id.org/srkg/ontology#>
            """;
    private static final String DATA = "FILTER(?g != <https://w3id.org/srkg/graph/metadata>)";
    private static final String META = "GRAPH <https://w3id.org/srkg/graph/metadata>";
    private static final String DS = "<https://w3id.org/srkg/id/dataset>";
    private static final String ENTITY = " FILTER(isIRI(?s) && STRSTARTS(STR(?s), 'https://w3id.org/srkg/id/'))";

    private static DatasetGraph dataset;
    private static FusekiServer server;

    @BeforeAll
    static void start() throws PipelineException {
        dataset = Pipeline.build(Path.of(""));
        server = SparqlServer.start(dataset, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Each case: what the metadata graph says, and the COUNT over the data that must give the same. */
    private static final List<String[]> CASES = List.of(
            new String[] {"void:triples of the dataset",
                "SELECT ('all' AS ?k) ?n { " + META + " { " + DS + " void:triples ?n } }",
                "SELECT ('all' AS ?k) (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } " + DATA + " }"},
            new String[] {"void:triples of each named graph",
                "SELECT (?sub AS ?k) ?n { " + META + " { " + DS + " void:subset ?sub . ?sub void:triples ?n"
                        + " FILTER NOT EXISTS { ?sub a void:Linkset } } }",
                "SELECT (?g AS ?k) (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } " + DATA + " } GROUP BY ?g"},
            new String[] {"void:entities of the dataset",
                "SELECT ('all' AS ?k) ?n { " + META + " { " + DS + " void:entities ?n } }",
                "SELECT ('all' AS ?k) (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } " + DATA + ENTITY + " }"},
            new String[] {"void:entities of each named graph",
                "SELECT (?sub AS ?k) ?n { " + META + " { " + DS + " void:subset ?sub . ?sub void:entities ?n"
                        + " FILTER NOT EXISTS { ?sub a void:Linkset } } }",
                "SELECT (?g AS ?k) (COUNT(DISTINCT ?e) AS ?n) { GRAPH ?g { ?s ?p ?o } " + DATA
                        + " BIND(IF(isIRI(?s) && STRSTARTS(STR(?s), 'https://w3id.org/srkg/id/'), ?s, ?none) AS ?e) }"
                        + " GROUP BY ?g"},
            new String[] {"void:distinctSubjects",
                "SELECT ('all' AS ?k) ?n { " + META + " { " + DS + " void:distinctSubjects ?n } }",
                "SELECT ('all' AS ?k) (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } " + DATA + " }"},
            new String[] {"void:properties",
                "SELECT ('all' AS ?k) ?n { " + META + " { " + DS + " void:properties ?n } }",
                "SELECT ('all' AS ?k) (COUNT(DISTINCT ?p) AS ?n) { GRAPH ?g { ?s ?p ?o } " + DATA + " }"},
            new String[] {"void:classes",
                "SELECT ('all' AS ?k) ?n { " + META + " { " + DS + " void:classes ?n } }",
                "SELECT ('all' AS ?k) (COUNT(DISTINCT ?c) AS ?n) { GRAPH ?g { ?s a ?c } " + DATA
                        + " FILTER(isIRI(?c)) }"},
            new String[] {"void:entities of each class partition",
                "SELECT (?c AS ?k) ?n { " + META + " { " + DS + " void:classPartition ?x . ?x void:class ?c ;"
                        + " void:entities ?n } }",
                "SELECT (?c AS ?k) (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a ?c } " + DATA
                        + " FILTER(isIRI(?c)) } GROUP BY ?c"},
            new String[] {"void:triples of each property partition",
                "SELECT (?p AS ?k) ?n { " + META + " { " + DS + " void:propertyPartition ?x . ?x void:property ?p ;"
                        + " void:triples ?n } }",
                "SELECT (?p AS ?k) (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } " + DATA + " } GROUP BY ?p"},
            new String[] {"void:triples of the Wikidata linkset",
                "SELECT ('links' AS ?k) ?n { " + META + " { ?l a void:Linkset ; void:linkPredicate owl:sameAs ;"
                        + " void:target " + DS + ", <http://www.wikidata.org/entity/Q2013> ; void:triples ?n } }",
                "SELECT ('links' AS ?k) (COUNT(*) AS ?n) { GRAPH ?g { ?s owl:sameAs ?o } " + DATA
                        + " FILTER(STRSTARTS(STR(?o), 'http://www.wikidata.org/entity/')) }"});

    static Stream<Arguments> casesInProcessAndOverHttp() {
        return CASES.stream().flatMap(c -> Stream.of(Arguments.of(c[0], "in process", c[1], c[2]),
                Arguments.of(c[0], "over HTTP", c[1], c[2])));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("casesInProcessAndOverHttp")
    void countMatchesACountQueryOverTheData(String name, String where, String metadata, String data) {
        Function<String, List<QuerySolution>> select = where.equals("in process")
                ? inProcess(dataset) : DatasetDescriberTest::selectOverHttp;
        Map<String, String> expected = pairs(select, data);
        assertFalse(expected.isEmpty(), name);
        assertEquals(expected, pairs(select, metadata), name);
    }

    @Test
    void inferredGraphIsCountedAndTheMetadataGraphIsNot() {
        Map<String, String> subsets = pairs(inProcess(dataset), CASES.get(1)[1]);
        assertTrue(subsets.containsKey(Namespaces.INFERRED_GRAPH.getURI()), subsets::toString);
        assertFalse(subsets.containsKey(Namespaces.METADATA_GRAPH.getURI()), subsets::toString);
    }

    @Test
    void describesDumpsEndpointAndBuildTimeFromTheEnvironment() throws PipelineException {
        ParsedSeeds seeds = Pipeline.check(Path.of(""));
        DatasetGraph described = DatasetAssembler.assemble(seeds);
        DatasetDescriber.describe(described, seeds.graphs().keySet(),
                Map.of(DatasetDescriber.PUBLIC_BASE_VARIABLE, "https://example.org/srkg",
                        DatasetDescriber.SOURCE_DATE_EPOCH, "1700000000"));
        Function<String, List<QuerySolution>> select = inProcess(described);
        assertEquals(Map.of(
                "https://example.org/srkg/downloads/srkg.jsonld", "https://www.iana.org/assignments/media-types/application/ld+json",
                "https://example.org/srkg/downloads/srkg.nq", "https://www.iana.org/assignments/media-types/application/n-quads",
                "https://example.org/srkg/downloads/srkg.trig", "https://www.iana.org/assignments/media-types/application/trig",
                "https://example.org/srkg/downloads/srkg.ttl", "https://www.iana.org/assignments/media-types/text/turtle"),
                pairs(select, "SELECT (?url AS ?k) (?type AS ?n) { " + META + " { " + DS + " a dcat:Dataset ;"
                        + " void:dataDump ?url ; dcat:distribution [ dcat:downloadURL ?url ; dcat:mediaType ?type ] } }"));
        assertEquals(Map.of("endpoint", "https://example.org/srkg/sparql", "ended", "2023-11-14T22:13:20Z",
                        "licence", "https://creativecommons.org/licenses/by/4.0/"),
                pairs(select, "SELECT ?k ?n { " + META + " {"
                        + " { " + DS + " void:sparqlEndpoint ?n BIND('endpoint' AS ?k) }"
                        + " UNION { " + DS + " prov:wasGeneratedBy/prov:endedAtTime ?n BIND('ended' AS ?k) }"
                        + " UNION { " + DS + " <http://purl.org/dc/terms/license> ?n BIND('licence' AS ?k) } } }"));
    }

    @Test
    void everyInputIsUsedWithItsSha256() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (SeedFile file : SeedLayout.scan(Path.of(""))) {
            expected.put(file.relative(), Sha256.hex(file.path()));
        }
        assertEquals(expected, pairs(inProcess(dataset), "SELECT ?k ?n { " + META + " { " + DS
                + " prov:wasGeneratedBy ?build . ?build a prov:Activity ; prov:used ?file ."
                + " ?file <http://www.w3.org/2000/01/rdf-schema#label> ?k ; srkg:sha256 ?n } }"));
    }

    @Test
    void softwareVersionIsThePomVersion() throws Exception {
        Matcher version = Pattern.compile("<artifactId>srkg</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find());
        assertEquals(Map.of("srkg", version.group(1)), pairs(inProcess(dataset), "SELECT ?k ?n { " + META + " { "
                + DS + " prov:wasGeneratedBy/prov:wasAssociatedWith ?software . ?software a prov:SoftwareAgent ;"
                + " <http://www.w3.org/2000/01/rdf-schema#label> ?k ; <https://schema.org/softwareVersion> ?n } }"));
    }

    @Test
    void exampleResourcesArePutinXiAndVostokWhenTheSeedsHaveThem() {
        Map<String, String> examples = pairs(inProcess(dataset), "SELECT (?e AS ?k) ('' AS ?n) { " + META + " { "
                + DS + " void:exampleResource ?e } }");
        assertEquals(Set.of("https://w3id.org/srkg/id/vladimir-putin", "https://w3id.org/srkg/id/xi-jinping",
                "https://w3id.org/srkg/id/vostok-2018"), examples.keySet());
    }

    @Test
    void withoutSourceDateEpochTheBuildTimeIsTheNewestInputToTheSecond(@TempDir Path tmp) throws Exception {
        Path older = Files.writeString(tmp.resolve("a.ttl"), "");
        Path newer = Files.writeString(tmp.resolve("b.ttl"), "");
        Files.setLastModifiedTime(older, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2021-06-30T12:34:56.789Z")));
        List<SeedFile> inputs = List.of(new SeedFile(older, "a.ttl", SeedFile.Role.ENTITIES, null),
                new SeedFile(newer, "b.ttl", SeedFile.Role.ARTICLES, null));
        assertEquals(Instant.parse("2021-06-30T12:34:56Z"), DatasetDescriber.buildTime(inputs, Map.of()));
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"),
                DatasetDescriber.buildTime(inputs, Map.of(DatasetDescriber.SOURCE_DATE_EPOCH, "1700000000")));
    }

    /** The rows ?k ?n of a query as a map; IRIs and literals both by their string form. */
    private static Map<String, String> pairs(Function<String, List<QuerySolution>> select, String query) {
        Map<String, String> result = new TreeMap<>();
        for (QuerySolution row : select.apply(PREFIXES + query)) {
            result.put(text(row.get("k")), text(row.get("n")));
        }
        return result;
    }

    private static String text(RDFNode node) {
        return node.isResource() ? node.asResource().getURI() : node.asLiteral().getLexicalForm();
    }

    private static Function<String, List<QuerySolution>> inProcess(DatasetGraph queried) {
        return query -> {
            try (QueryExecution execution = QueryExecution.dataset(DatasetFactory.wrap(new UnionDefaultGraph(queried)))
                    .query(query).build()) {
                return ResultSetFormatter.toList(execution.execSelect());
            }
        };
    }

    private static List<QuerySolution> selectOverHttp(String query) {
        try (QueryExecution execution = QueryExecution.service("http://127.0.0.1:" + server.getPort() + "/sparql")
                .query(query).build()) {
            return ResultSetFormatter.toList(execution.execSelect());
        }
    }
}
