package org.w3id.srkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Oxigraph as its npm package, run with the machine's Node.js. The version is pinned by {@code bench/package.json}
 * and {@code bench/package-lock.json} (integrity hash included), installed with {@code npm ci} into the work
 * folder, never into the repository.
 */
final class OxigraphRunner {

    private final Path repository;
    private final Path home;

    OxigraphRunner(Path repository, Path work) {
        this.repository = repository;
        this.home = work.resolve("oxigraph").toAbsolutePath();
    }

    /** Installs the pinned package unless this exact lock file was installed before; returns its version. */
    String install(Path logs) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path lock = repository.resolve("bench/package-lock.json");
        Path installedLock = home.resolve("package-lock.json");
        boolean current = Files.isRegularFile(home.resolve("node_modules/oxigraph/package.json"))
                && Files.isRegularFile(installedLock) && Files.mismatch(lock, installedLock) == -1;
        if (!current) {
            Files.copy(repository.resolve("bench/package.json"), home.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
            try (ChildProcess npm = ChildProcess.start(logs.resolve("npm-ci.log"),
                    List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", home.toString()))) {
                npm.finish(10);
            }
        }
        String pkg = Files.readString(home.resolve("node_modules/oxigraph/package.json"), StandardCharsets.UTF_8);
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(pkg);
        return version.find() ? version.group(1) : "?";
    }

    ChildProcess start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "OXIGRAPH_HOME=" + home, "node",
                "--max-old-space-size=8192", repository.resolve("bench/oxigraph.mjs").toString()));
        command.addAll(List.of(args));
        return ChildProcess.start(log, command);
    }
}
