package org.w3id.srkg.support;

import java.nio.file.Path;

/** Seed roots under src/test/resources/fixtures; Maven runs tests with the project folder as working directory. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }
}
