package org.w3id.srkg.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.pipeline.PipelineException;
import org.w3id.srkg.pipeline.ShaclValidator;

/**
 * Every node shape of ontology/shapes.ttl has src/test/resources/shapes/SHAPE/valid.ttl, which conforms, and
 * invalid.ttl, whose report is exactly the results in invalid.expected: one line per result,
 * "focus path component" (focus as &lt;IRI&gt; or [] for a blank node, path "-" for a node constraint).
 * Validation is the pipeline's own: shapes.ttl plus the ontology's subclass and vocabulary types.
 */
class ShapeCasesTest {

    private static final Path SHAPES_FILE = OwlDocuments.ROOT.resolve("ontology/shapes.ttl");
    private static final Path CASES = Path.of("src/test/resources/shapes");
    private static final PrefixMap PREFIXES = Namespaces.dumpPrefixes();
    private static Graph shapes;
    private static Graph ontology;

    static {
        PREFIXES.add("org", "http://www.w3.org/ns/org#");
    }

    @BeforeAll
    static void load() throws PipelineException {
        shapes = RDFDataMgr.loadGraph(SHAPES_FILE.toString());
        ontology = OwlDocuments.ontologyGraph();
    }

    static List<String> nodeShapes() {
        return RDFDataMgr.loadGraph(SHAPES_FILE.toString()).find(Node.ANY, RDF.type.asNode(), SHACL.NodeShape)
                .mapWith(t -> t.getSubject().getLocalName()).toList().stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeShapes")
    void validCaseConforms(String shape) {
        List<String> results = results(caseFile(shape, "valid.ttl"));
        assertEquals(List.of(), results, shape + "/valid.ttl should conform");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeShapes")
    void invalidCaseGivesTheExpectedResults(String shape) throws IOException {
        List<String> results = results(caseFile(shape, "invalid.ttl"));
        Path expectedFile = caseFile(shape, "invalid.expected");
        List<String> expected = Files.readAllLines(expectedFile).stream().filter(l -> !l.isBlank()).sorted().toList();
        assertTrue(!expected.isEmpty(), () -> expectedFile + " lists no result");
        assertEquals(expected, results, () -> shape + "/invalid.ttl; if the new report is right, write it to "
                + expectedFile + ":\n" + String.join("\n", results));
    }

    @Test
    void everyCaseFolderIsANodeShape() throws IOException {
        TreeSet<String> shapeNames = new TreeSet<>(nodeShapes());
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> folders = Files.list(CASES)) {
            folders.map(p -> p.getFileName().toString()).filter(n -> !shapeNames.contains(n)).sorted()
                    .forEach(orphans::add);
        }
        assertEquals(List.of(), orphans, "case folders under " + CASES + " that name no node shape");
    }

    private static Path caseFile(String shape, String name) {
        Path file = CASES.resolve(shape).resolve(name);
        assertTrue(Files.isRegularFile(file), () -> "shape:" + shape + " has no " + file);
        return file;
    }

    private static List<String> results(Path data) {
        ValidationReport report = ShaclValidator.report(shapes, ontology, RDFDataMgr.loadGraph(data.toString()));
        return report.getEntries().stream().map(ShapeCasesTest::line).sorted().collect(Collectors.toList());
    }

    private static String line(ReportEntry entry) {
        String focus = entry.focusNode().isBlank() ? "[]" : NodeFmtLib.strNT(entry.focusNode());
        String path = entry.resultPath() == null ? "-" : PathWriter.asString(entry.resultPath(), new Prologue(Prefixes.adapt(PREFIXES)));
        return focus + " " + path + " " + NodeFmtLib.str(entry.sourceConstraintComponent(), PREFIXES);
    }
}
