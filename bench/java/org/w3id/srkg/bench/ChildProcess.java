package org.w3id.srkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process started by the benchmark: a JVM on this program's own class path, or Node.js. Its output goes to a
 * log file, which is where the benchmark reads results and endpoint addresses from; the log stays for reading.
 */
final class ChildProcess implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/\\S+)");

    final Process process;
    final Path log;
    final long startedNanos;

    private ChildProcess(Process process, Path log, long startedNanos) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** A JVM running {@code mainClass} with the given JVM options, on the class path of this JVM. */
    static ChildProcess java(Path log, List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return start(log, command);
    }

    static ChildProcess start(Path log, List<String> command) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long started = System.nanoTime();
        return new ChildProcess(builder.start(), log, started);
    }

    /** Waits for the process to end and returns its output; fails if it did not exit with 0. */
    String finish(long timeoutMinutes) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            close();
            throw new IOException("timed out after " + timeoutMinutes + " min; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("exit " + process.exitValue() + "; see " + log + ":\n" + tail(output));
        }
        return output;
    }

    /** The endpoint a server prints once it is listening, or empty if it ended or the time ran out first. */
    Optional<String> awaitEndpoint(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = ENDPOINT.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
            if (!process.isAlive()) {
                return Optional.empty();
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }

    static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
