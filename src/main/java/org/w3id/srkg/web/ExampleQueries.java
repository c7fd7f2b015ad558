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

/**
 * The example queries of the query page: the competency questions ({@code src/test/resources/cq/*.rq}, which
 * the build copies into the jar under {@code examples/}), so that every example shown is one that a test runs
 * and checks. Each file opens with {@code # question} comment lines, which become its description. All loading
 * of examples is here: should they move into RDF ({@code sh:SPARQLSelectExecutable}), only this class changes.
 */
public final class ExampleQueries {

    static final String RESOURCE_FOLDER = "/examples";

    /** {@code id} is the file name without {@code .rq}; {@code question} its leading comment. */
    public record Example(String id, String question, String query) {
    }

    private ExampleQueries() {
    }

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
