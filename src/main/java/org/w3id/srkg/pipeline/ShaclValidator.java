package org.w3id.srkg.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.srkg.pipeline.ParsedSeeds.Position;
import org.w3id.srkg.pipeline.SeedFile.Role;

/**
 * Checks entities, articles and claims against {@code ontology/shapes.ttl}.
 * Two kinds of ontology triples are added to the data: rdfs:subClassOf, because sh:targetClass and
 * sh:class follow it (a shape on a class also checks instances of its subclasses); and the rdf:type of
 * individuals the ontology itself defines as instances of srkg classes (controlled terms such as event
 * statuses), so that sh:class on a value like {@code srkg:Planned} can see its type.
 * Any validation result, whatever its severity, fails the build.
 */
public final class ShaclValidator {

    /** Focus nodes per batch: large enough that a batch's set-up is nothing, small enough to share the work out. */
    private static final int BATCH = 2_000;

    private ShaclValidator() {
    }

    /** @return the number of triples validated */
    public static long validate(ParsedSeeds seeds) throws PipelineException {
        Graph shapesGraph = seeds.merge(Role.SHAPES);
        Graph data = seeds.merge(Role.ENTITIES, Role.ARTICLES, Role.CLAIMS);
        ValidationReport report = report(shapesGraph, seeds.merge(Role.ONTOLOGY), data);
        if (report.conforms()) {
            return data.size();
        }
        PrefixMap prefixes = Namespaces.dumpPrefixes();
        List<ReportEntry> entries = new ArrayList<>(report.getEntries());
        // The report's order depends on hashing inside the validator; sort so messages are stable.
        entries.sort(Comparator.<ReportEntry, Node>comparing(ReportEntry::focusNode, NodeCmp::compareRDFTerms)
                .thenComparing(e -> String.valueOf(e.message())));
        List<Problem> problems = new ArrayList<>();
        for (ReportEntry entry : entries) {
            String message = "SHACL " + NodeFmtLib.str(entry.severity().level(), prefixes)
                    + ": focus " + NodeFmtLib.str(entry.focusNode(), prefixes)
                    + (entry.resultPath() == null ? "" : ", path " + PathWriter.asString(entry.resultPath()))
                    + ", shape " + shapeName(shapesGraph, entry.source(), prefixes)
                    + (entry.value() == null ? "" : ", value " + NodeFmtLib.str(entry.value(), prefixes))
                    + " (" + NodeFmtLib.str(entry.sourceConstraintComponent(), prefixes) + ")"
                    + ": " + entry.message();
            problems.add(located(seeds, entry.focusNode(), message));
        }
        throw new PipelineException(problems);
    }

    /** Validates {@code data}, to which the ontology triples described above are added, against the shapes. */
    public static ValidationReport report(Graph shapesGraph, Graph ontology, Graph data) {
        ontology.find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEachRemaining(data::add);
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY)
                .filterKeep(t -> t.getObject().isURI() && t.getObject().getURI().startsWith(Namespaces.ONTOLOGY))
                .forEachRemaining(data::add);
        Shapes shapes = Shapes.parse(shapesGraph);
        // What Jena's plain validation does (every target shape against each of its focus nodes), in batches of
        // focus nodes validated side by side: a batch only reads the data, and has a context (the report it builds)
        // of its own. The batches' entries are then put in one report, which callers sort.
        List<Batch> batches = new ArrayList<>();
        for (Shape shape : shapes.getTargetShapes()) {
            List<Node> focus = new ArrayList<>(VLib.focusNodes(data, shape));
            for (int from = 0; from < focus.size(); from += BATCH) {
                batches.add(new Batch(shape, focus.subList(from, Math.min(focus.size(), from + BATCH))));
            }
        }
        List<ValidationReport> parts = batches.parallelStream().map(batch -> {
            ValidationContext context = ValidationContext.create(shapes, data);
            batch.focus().forEach(node -> VLib.validateShape(context, data, batch.shape(), node));
            return context.generateReport();
        }).toList();
        ValidationReport.Builder report = ValidationReport.create();
        parts.forEach(part -> part.getEntries().forEach(report::addReportEntry));
        return report.build();
    }

    private record Batch(Shape shape, List<Node> focus) {
    }

    /** Property shapes are usually blank nodes; name them by the node shape that holds them and their path. */
    private static String shapeName(Graph shapes, Node shape, PrefixMap prefixes) {
        if (shape == null || !shape.isBlank()) {
            return shape == null ? "?" : NodeFmtLib.str(shape, prefixes);
        }
        String path = shapes.find(shape, SHACL.path, Node.ANY).nextOptional()
                .map(t -> NodeFmtLib.str(t.getObject(), prefixes)).orElse("?");
        String parent = shapes.find(Node.ANY, SHACL.property, shape).nextOptional()
                .map(t -> NodeFmtLib.str(t.getSubject(), prefixes)).orElse("[]");
        return parent + " sh:property [ sh:path " + path + " ]";
    }

    /**
     * The seed file that describes the focus node, at the line where its description starts (its first triple),
     * so a violation can be reported where it must be fixed.
     */
    private static Problem located(ParsedSeeds seeds, Node focus, String message) {
        for (Role role : List.of(Role.ENTITIES, Role.ARTICLES, Role.CLAIMS)) {
            for (SeedFile file : seeds.files(role)) {
                List<Triple> about = seeds.graphs().get(file).find(focus, Node.ANY, Node.ANY).toList();
                if (!about.isEmpty()) {
                    return about.stream().flatMap(t -> seeds.position(file, t).stream())
                            .min(Comparator.comparingLong(Position::line).thenComparingLong(Position::column))
                            .map(p -> new Problem(file.relative(), p.line(), p.column(), message))
                            .orElseGet(() -> Problem.inFile(file.relative(), message));
                }
            }
        }
        return Problem.inFile("ontology/shapes.ttl", message);
    }
}
