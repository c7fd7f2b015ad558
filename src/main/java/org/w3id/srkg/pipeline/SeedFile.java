package org.w3id.srkg.pipeline;

import java.nio.file.Path;

/**
 * A Turtle file of a seed root and the part it plays.
 *
 * @param relative path from the seed root with '/' separators; used in every message and as blank node scope
 * @param article  the three-digit article number for {@link Role#CLAIMS}, otherwise null
 */
public record SeedFile(Path path, String relative, Role role, String article) {

    public enum Role { ONTOLOGY, SHAPES, ENTITIES, ARTICLES, CLAIMS, EXAMPLES }
}
