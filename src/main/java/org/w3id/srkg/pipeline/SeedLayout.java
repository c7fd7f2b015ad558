package org.w3id.srkg.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.w3id.srkg.pipeline.SeedFile.Role;

/**
 * Finds the Turtle files of a seed root and decides which named graph each belongs to.
 * A Turtle file whose graph cannot be decided is an error rather than being skipped,
 * so that data is never silently left out of the knowledge graph.
 */
public final class SeedLayout {

    private static final Pattern CLAIMS = Pattern.compile("seeds/claims/(\\d{3})\\.ttl");
    /** Example queries as RDF, one Turtle file per topic; see examples/README.md. */
    static final String EXAMPLES = "examples/queries";

    private SeedLayout() {
    }

    public static List<SeedFile> scan(Path root) throws PipelineException {
        List<Problem> problems = new ArrayList<>();
        List<SeedFile> files = new ArrayList<>();
        Path shapes = root.resolve("ontology/shapes.ttl");
        if (!Files.isRegularFile(root.resolve("ontology/srkg.ttl"))) {
            problems.add(Problem.inFile("ontology/srkg.ttl", "missing: the OWL ontology is required"));
        }
        if (!Files.isRegularFile(shapes)) {
            problems.add(Problem.inFile("ontology/shapes.ttl", "missing: the SHACL shapes are required"));
        }
        for (Path path : turtleFiles(root, "ontology", 1)) {
            files.add(new SeedFile(path, relative(root, path), path.equals(shapes) ? Role.SHAPES : Role.ONTOLOGY, null));
        }
        for (Path path : turtleFiles(root, "seeds", Integer.MAX_VALUE)) {
            String rel = relative(root, path);
            Matcher claims = CLAIMS.matcher(rel);
            if (rel.equals("seeds/entities.ttl")) {
                files.add(new SeedFile(path, rel, Role.ENTITIES, null));
            } else if (rel.equals("seeds/articles.ttl")) {
                files.add(new SeedFile(path, rel, Role.ARTICLES, null));
            } else if (claims.matches()) {
                if (isBlank(path)) {
                    // An emptied claims file would silently take all its article's claims out of the graph.
                    problems.add(Problem.inFile(rel, "empty claims file: an article's claims cannot be nothing"
                            + " (remove the article from seeds/articles.ttl to take it out)"));
                }
                files.add(new SeedFile(path, rel, Role.CLAIMS, claims.group(1)));
            } else {
                problems.add(Problem.inFile(rel, "unknown seed file: the named graph it would belong to is unknown"
                        + " (expected seeds/entities.ttl, seeds/articles.ttl or seeds/claims/NNN.ttl)"));
            }
        }
        for (Path dir : turtleDirectories(root, "seeds")) {
            problems.add(Problem.inFile(relative(root, dir), "a folder where a Turtle file is expected"));
        }
        // Optional: the test fixtures and a curator's scratch root have no examples.
        if (Files.isDirectory(root.resolve(EXAMPLES))) {
            for (Path path : turtleFiles(root, EXAMPLES, 1)) {
                files.add(new SeedFile(path, relative(root, path), Role.EXAMPLES, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(problems);
        }
        return files;
    }

    /** Ontology files sit directly in ontology/ (its subfolders hold other material); seeds may nest. */
    private static List<Path> turtleFiles(Path root, String folder, int depth) throws PipelineException {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            throw new PipelineException(Problem.inFile(folder, "missing folder under seed root " + root.toAbsolutePath()));
        }
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".ttl"))
                    .sorted(Comparator.comparing(p -> relative(root, p)))
                    .toList();
        } catch (IOException e) {
            throw new PipelineException(Problem.inFile(folder, "cannot list: " + e.getMessage()));
        }
    }

    /** Folders named like Turtle files, which a walk for files would pass over without a word. */
    private static List<Path> turtleDirectories(Path root, String folder) throws PipelineException {
        try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
            return walk.filter(Files::isDirectory).filter(p -> p.getFileName().toString().endsWith(".ttl"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new PipelineException(Problem.inFile(folder, "cannot list: " + e.getMessage()));
        }
    }

    private static boolean isBlank(Path file) throws PipelineException {
        try {
            return Files.size(file) == 0 || Files.readString(file).isBlank();
        } catch (IOException e) {
            // Unreadable or not UTF-8: the parser reports it at its position.
            return false;
        }
    }

    static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
