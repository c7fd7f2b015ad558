package org.w3id.srkg.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.srkg.pipeline.Namespaces;

/**
 * The example queries of the query page, from two places, each checked by a test that runs every query: the examples
 * the dataset serves itself (graph {@code …/graph/examples}, from {@code examples/queries/*.ttl}, each a
 * {@code sh:SPARQLExecutable} with a title, a description and its query), then the competency questions
 * ({@code src/test/resources/cq/*.rq}, which the build copies into the jar under {@code examples/}; each file opens
 * with {@code # question} comment lines, which become its description).
 */
public final class ExampleQueries {

    static final String RESOURCE_FOLDER = "/examples";

    /** {@code id} is the file name without {@code .rq}; {@code question} its leading comment. */
    public record Example(String id, String question, String query) {
    }

    private ExampleQueries() {
    }

    /** The dataset's own examples, then the competency questions. */
    public static List<Example> load(DatasetGraph dataset) {
        List<Example> examples = new ArrayList<>(served(dataset));
        examples.addAll(load());
        return examples;
    }

    private static final String SERVED = """
            PREFIX sh:   <http://www.w3.org/ns/shacl#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?example ?title ?description ?query WHERE {
              GRAPH <%s> { ?example a sh:SPARQLExecutable ; rdfs:label ?title ; sh:select ?query .
                           OPTIONAL { ?example rdfs:comment ?description } }
            } ORDER BY ?example""".formatted(Namespaces.EXAMPLES_GRAPH.getURI());

    private static List<Example> served(DatasetGraph dataset) {
        List<Example> examples = new ArrayList<>();
        Txn.executeRead(dataset, () -> {
            try (QueryExecution exec = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(SERVED).build()) {
                exec.execSelect().forEachRemaining(row -> {
                    String iri = row.getResource("example").getURI();
                    String title = row.getLiteral("title").getString();
                    String description = row.contains("description") ? row.getLiteral("description").getString() : "";
                    examples.add(new Example(iri.substring(iri.lastIndexOf('/') + 1),
                            description.isEmpty() ? title : title + ": " + description, row.getLiteral("query").getString()));
                });
            }
        });
        return examples;
    }

    /** The competency questions alone. */
    public static List<Example> load() {
        URL folder = ExampleQueries.class.getResource(RESOURCE_FOLDER);
        if (folder == null) {
            return List.of();
        }
        try {
            URI uri = folder.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return read(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return read(jar.getPath(RESOURCE_FOLDER));
            } catch (FileSystemAlreadyExistsException open) {
                return read(FileSystems.getFileSystem(uri).getPath(RESOURCE_FOLDER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example queries", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Example> read(Path folder) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".rq"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file, StandardCharsets.UTF_8);
                examples.add(new Example(name.substring(0, name.length() - 3), question(text), text));
            }
        }
        return examples;
    }

    static String question(String query) {
        return query.lines().takeWhile(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", ""))
                .collect(Collectors.joining(" ")).strip();
    }
}
