package org.w3id.srkg.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code srkg serve} on the repository's seeds in a child JVM with a small heap, so a test can drive it to the edge
 * of its memory without risking its own. Started from the test classpath (no package needed); it listens on port 0
 * and the port is the one it prints.
 */
public final class SmallHeapServer implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("srkg: SPARQL endpoint http://127\\.0\\.0\\.1:(\\d+)/sparql");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private SmallHeapServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code srkg serve --port 0 ARGS...} with {@code -Xmx<heap>}, its output in {@code log}. */
    public static SmallHeapServer start(String heap, Path log, String... serveArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "org.w3id.srkg.cli.Srkg",
                "serve", "--port", "0"));
        command.addAll(List.of(serveArgs));
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Matcher started = STARTED.matcher(Files.readString(log));
            if (started.find()) {
                return new SmallHeapServer(process, Integer.parseInt(started.group(1)), log);
            }
            if (!process.isAlive()) {
                throw new AssertionError("srkg serve exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        process.destroy();
        throw new AssertionError("srkg serve did not start within " + PATIENCE.toSeconds() + " s:\n" + Files.readString(log));
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the server has printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
