package org.w3id.srkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.server.SparqlServer;
import org.w3id.srkg.support.WikidataStandIn;

/**
 * A third-party federation engine uses srkg as a linked-data source: Comunica, installed from npm into
 * target/comunica at the version pinned by src/test/comunica/package-lock.json and run with the machine's Node.js,
 * joins srkg's endpoint with the Wikidata stand-in's (two real servers on loopback) in one query without SERVICE.
 */
class ComunicaFederationIT {

    private static final Path PINNED = Path.of("src/test/comunica");
    private static final Path INSTALL = Path.of("target/comunica");
    private static final Path ENGINE = INSTALL.resolve("node_modules/@comunica/query-sparql/bin/query.js");
    private static final List<String> PINNING_FILES = List.of("package.json", "package-lock.json", ".npmrc");

    @Test
    void comunicaJoinsSrkgWithWikidata() throws Exception {
        install();
        try (WikidataStandIn wikidata = WikidataStandIn.start()) {
            FusekiServer srkg = SparqlServer.start(Pipeline.build(Path.of("")), "127.0.0.1", 0);
            try {
                String csv = run(List.of("node", ENGINE.toString(),
                        "sparql@http://127.0.0.1:" + srkg.getPort() + "/sparql", "sparql@" + wikidata.endpoint(),
                        "-f", PINNED.resolve("federated.rq").toString(), "-t", "text/csv"), 5);
                List<String> rows = csv.replace("\r\n", "\n").strip().lines().toList();
                assertEquals("person,position", rows.get(0), csv);
                assertEquals(List.of(
                        "Donald Trump,President of the United States",
                        "Vladimir Putin,President of Russia",
                        "Xi Jinping,President of the People's Republic of China"),
                        rows.subList(1, rows.size()).stream().sorted().toList(), csv);
            } finally {
                srkg.stop();
            }
        }
    }

    /** {@code npm ci} into target/comunica, unless the same pinned files were installed there already. */
    private static void install() throws Exception {
        boolean current = Files.exists(ENGINE);
        for (String name : PINNING_FILES) {
            Path installed = INSTALL.resolve(name);
            current &= Files.exists(installed) && Files.mismatch(PINNED.resolve(name), installed) == -1;
        }
        if (current) {
            return;
        }
        Files.createDirectories(INSTALL);
        for (String name : PINNING_FILES) {
            Files.copy(PINNED.resolve(name), INSTALL.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        run(List.of("npm", "ci", "--prefix", INSTALL.toString(), "--no-audit", "--no-fund"), 10);
        assertTrue(Files.exists(ENGINE), "npm ci did not install " + ENGINE);
    }

    /** Runs a command, failing with its output when it exits non-zero or outlives {@code minutes}. */
    private static String run(List<String> command, long minutes) throws IOException, InterruptedException {
        File log = Files.createTempFile(INSTALL.toAbsolutePath().getParent(), "comunica", ".log").toFile();
        File out = Files.createTempFile(INSTALL.toAbsolutePath().getParent(), "comunica", ".out").toFile();
        try {
            Process process = new ProcessBuilder(command).redirectError(log).redirectOutput(out).start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + minutes
                        + " minutes:\n" + Files.readString(log.toPath(), StandardCharsets.UTF_8));
            }
            String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                        + stdout + Files.readString(log.toPath(), StandardCharsets.UTF_8));
            }
            return stdout;
        } finally {
            Files.deleteIfExists(log.toPath());
            Files.deleteIfExists(out.toPath());
        }
    }
}
