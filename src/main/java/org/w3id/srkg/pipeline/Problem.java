package org.w3id.srkg.pipeline;

/**
 * One thing wrong with the seeds, located in a file relative to the seed root.
 * Line and column are -1 when the problem has no position in the file (for example a SHACL violation).
 */
public record Problem(String file, long line, long column, String message) {

    public static Problem inFile(String file, String message) {
        return new Problem(file, -1, -1, message);
    }

    @Override
    public String toString() {
        if (line < 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + Math.max(column, 0) + ": " + message;
    }
}
