package org.w3id.srkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.DCAT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.support.Fixtures;

class JsonLdDumpTest {

    @Test
    void jsonLdDumpReadsBackAsTheSameDatasetWithThePublishedContextInline(@TempDir Path tmp) throws Exception {
        DatasetGraph built = Pipeline.publish(Fixtures.root("good"), tmp);
        String dump = Files.readString(tmp.resolve("srkg.jsonld"), StandardCharsets.UTF_8);

        DatasetGraph read = RDFParser.fromString(dump, Lang.JSONLD).toDatasetGraph();
        assertTrue(IsoMatcher.isomorphic(built, read), "srkg.jsonld holds exactly the dataset, blank nodes relabelled");

        JsonObject json = Json.createReader(new StringReader(dump)).readObject();
        JsonObject published = Json.createReader(new StringReader(Files.readString(tmp.resolve("context.jsonld"))))
                .readObject();
        assertEquals(published.getJsonObject("@context"), json.getJsonObject("@context"));
        assertEquals("@context", json.keySet().iterator().next(), "the context comes first");
        assertEquals("https://w3id.org/srkg/id/", published.getJsonObject("@context").getString("id"));
    }

    @Test
    void jsonLdIsADistributionWithItsMediaType() throws Exception {
        DatasetGraph dataset = Pipeline.build(Fixtures.root("good"));
        Node distribution = NodeFactory.createURI(Namespaces.ID + "dataset/dump/srkg.jsonld");
        assertTrue(dataset.contains(Namespaces.METADATA_GRAPH, Namespaces.DATASET, DCAT.distribution.asNode(), distribution));
        assertTrue(dataset.contains(Namespaces.METADATA_GRAPH, distribution, DCAT.mediaType.asNode(),
                NodeFactory.createURI("https://www.iana.org/assignments/media-types/application/ld+json")));
        assertTrue(dataset.contains(Namespaces.METADATA_GRAPH, distribution, DCAT.downloadURL.asNode(),
                NodeFactory.createURI(DatasetDescriber.DEFAULT_PUBLIC_BASE + "downloads/srkg.jsonld")));
    }
}
