package org.w3id.srkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.cli.Srkg;

/**
 * The benchmark's hostile mix, bounded for the test suite: srkg serving the curated graph in a JVM of its own with a
 * small heap, honest clients beside the 20 attackers of issue 14, from one address and then each from its own.
 * Honest clients must see no failure, and the server
 * must answer afterwards. How much slower honest clients get is the benchmark's to measure, not a test's.
 */
class HostileMixTest {

    @Test
    @Timeout(120)
    void honestClientsKeepBeingAnsweredBesideTwentyAttackers(@TempDir Path logs) throws Exception {
        List<String> mix = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/cq"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                mix.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        try (HostileMix.HangingEndpoint hanging = new HostileMix.HangingEndpoint();
             ChildProcess server = ChildProcess.java(logs.resolve("server.log"), List.of("-Xmx512m"),
                     Srkg.class.getName(), "serve", "--root", ".", "--port", "0", "--service-allow", hanging.allowEntry())) {
            URI endpoint = URI.create(server.awaitEndpoint(120_000).orElseThrow());
            HostileMix.Result result = HostileMix.run(endpoint, mix, 4, 20, Duration.ofSeconds(2), Duration.ofSeconds(6),
                    hanging);
            String log = ChildProcess.tail(Files.readString(server.log, StandardCharsets.UTF_8));
            assertTrue(result.alone().requests() > 0, "honest clients alone were answered\n" + log);
            for (HostileMix.Phase phase : List.of(result.oneAddress(), result.manyAddresses())) {
                assertTrue(phase.load().requests() > 0, "honest clients beside attackers were answered: "
                        + result + "\n" + log);
                assertEquals(0, phase.load().errors(), "failed honest requests beside attackers: " + result + "\n" + log);
            }
            assertTrue(result.aliveAfter(), "the server answers /$/ping after the attack\n" + log);
            assertTrue(server.process.isAlive(), "the server is still running\n" + log);
        }
    }
}
