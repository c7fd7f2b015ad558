package org.w3id.srkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.support.Fixtures;

class SrkgTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int srkg(String... args) {
        return Srkg.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void queryPrintsCsvRows() {
        int code = srkg("query", "--root", Fixtures.root("good").toString(), "--format", "csv", "--query",
                "SELECT ?country WHERE { ?country a <https://w3id.org/srkg/ontology#Country> } ORDER BY ?country");
        assertEquals(0, code, err());
        assertEquals("country\r\nhttps://w3id.org/srkg/id/country/CN\r\nhttps://w3id.org/srkg/id/country/RU\r\n", out());
    }

    @Test
    void queryReadsAFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("graphs.rq");
        Files.writeString(file, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }");
        assertEquals(0, srkg("query", file.toString(), "--root", Fixtures.root("good").toString(), "--format", "tsv"), err());
        assertEquals("?n\n7\n", out()); // ontology, shapes, entities, two articles, inferred, metadata
    }

    @Test
    void queryWithBadSparqlFails() {
        assertEquals(1, srkg("query", "--root", Fixtures.root("good").toString(), "--query", "SELECT WHERE"));
        assertTrue(err().contains("bad query"), err());
    }

    @Test
    void validateBrokenSeedsExitsNonZeroAndGroupsByFile() {
        int code = srkg("validate", "--root", Fixtures.root("broken-turtle").toString());
        assertEquals(1, code);
        assertTrue(err().contains("seeds/entities.ttl (1 problem)\n  seeds/entities.ttl:6:1: Triples not terminated by DOT"),
                err());
        assertTrue(err().contains("  seeds/claims/001.ttl:4:16: Undefined prefix: ex"), err());
    }

    @Test
    void validateGoodSeedsSucceeds() {
        assertEquals(0, srkg("validate", "--root", Fixtures.root("good").toString()), err());
    }

    @Test
    void buildWritesTheDump(@TempDir Path tmp) {
        assertEquals(0, srkg("build", "--verbose", "--root", Fixtures.root("good").toString(), "--out", tmp.resolve("d").toString()), err());
        assertTrue(Files.isRegularFile(tmp.resolve("d/srkg.trig")));
    }

    @Test
    void coverageListsUncitedSentencesAsFileAndLine() {
        int code = srkg("coverage", "--root", Fixtures.root("coverage").toString());
        assertEquals(1, code, "a curated article with an uncited sentence is not complete");
        assertEquals(String.join("\n",
                "seeds/articles/000.txt:4: uncited: Nobody cited this | sentence.",
                "seeds/articles/001.txt: not curated (no seeds/claims/001.ttl), 2 sentences",
                "srkg: coverage: 2 articles, 1 curated (000), 8 sentences, 3 cited, 2 excluded, 1 declared,"
                        + " 1 repeated, 1 uncited; not curated: 001",
                ""), out());
    }

    @Test
    void coverageOfAMisquoteIsTheEvidenceFailure() throws Exception {
        Path root = Fixtures.root("evidence-fails-typo");
        int code = srkg("coverage", "--root", root.toString());
        assertEquals(1, code);
        assertEquals("", out(), "no coverage is measured on seeds the build rejects");
        for (String problem : Files.readAllLines(root.resolve("expected-problems.txt"), StandardCharsets.UTF_8)) {
            assertTrue(err().contains(problem), err());
        }
    }

    @Test
    void serveWithBadSeedsDoesNotStart() {
        assertEquals(1, srkg("serve", "--port", "0", "--root", Fixtures.root("shacl-violation").toString()));
        assertTrue(err().contains("focus <https://w3id.org/srkg/id/country/CN>"), err());
    }

    @Test
    void serveRefusesAnUnsafeServiceAllowlistEntry() {
        assertEquals(1, srkg("serve", "--port", "0", "--root", Fixtures.root("good").toString(),
                "--service-allow", "http://169.254.169.254/latest/"));
        assertTrue(err().contains("'http://169.254.169.254/latest/'") && err().contains("link-local"), err());
    }
}
