package org.w3id.srkg.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserBuilder;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.DumpPublisher;
import org.w3id.srkg.pipeline.Pipeline;

/**
 * A real outside client reads srkg's output: rdflib (Debian's python3-rdflib) parses every dump of a build of the
 * repository's seeds and finds as many statements as Jena does.
 */
class DumpsRdflibIT {

    @Test
    void rdflibParsesEveryDumpWithTheCountsJenaFinds() throws Exception {
        DebianPython.ensureInstalled();
        Path dumps = Path.of("target/rdflib-dumps").toAbsolutePath();
        Pipeline.publish(Path.of(""), dumps);

        Map<String, Long> jena = new TreeMap<>();
        for (String file : DumpPublisher.FILES) {
            RDFParserBuilder parser = RDFParser.source(dumps.resolve(file));
            jena.put(file, file.equals("srkg.ttl") ? parser.lang(Lang.TURTLE).toGraph().size()
                    : parser.toDatasetGraph().stream().count());
        }

        DebianPython.Result result = DebianPython.run(List.of(DebianPython.PYTHON.toString(),
                Path.of("src/test/resources/python/count_dumps.py").toAbsolutePath().toString(), dumps.toString()),
                dumps, Map.of(), 600);
        assertEquals(0, result.code(), result.output());
        String last = result.output().lines().reduce((a, b) -> b).orElse("{}");
        JsonObject rdflib = Json.createReader(new StringReader(last)).readObject();
        Map<String, Long> counted = new TreeMap<>();
        jena.keySet().forEach(file -> counted.put(file, rdflib.getJsonNumber(file).longValue()));

        assertTrue(jena.values().stream().allMatch(n -> n > 1000), jena::toString);
        assertEquals(jena, counted, "rdflib " + rdflib.getString("rdflib") + " and Jena disagree");
    }
}
