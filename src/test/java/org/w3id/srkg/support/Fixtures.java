package org.w3id.srkg.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Seed roots under src/test/resources/fixtures; Maven runs tests with the project folder as working directory. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }

    /** Copies the tree {@code from} to {@code to}, for a test that changes a seed root or the repository's files. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
