package org.w3id.srkg.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/srkg.jar serve} in the repository, as a user starts it, for the tests that run after
 * package. It listens on port 0 and the port is the one it prints: a port picked free beforehand could be taken by
 * another process before the server binds it.
 */
public final class ServedJar implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("srkg: SPARQL endpoint http://127\\.0\\.0\\.1:(\\d+)/sparql");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final int port;

    private ServedJar(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server on the repository's seeds, its output in {@code log}, and returns once it answers. */
    public static ServedJar start(Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("java", "-jar", "target/srkg.jar", "serve", "--port", "0")
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                return new ServedJar(process, Integer.parseInt(started.group(1)));
            }
            if (!process.isAlive()) {
                throw new AssertionError("srkg serve exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(200);
        }
        process.destroy();
        throw new AssertionError("srkg serve did not start within " + PATIENCE.toSeconds() + " s; see " + log);
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
