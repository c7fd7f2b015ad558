package org.w3id.srkg.pipeline;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * The dataset as JSON-LD 1.1, compacted with srkg's published context ({@link #CONTEXT_FILE}: the prefixes of the
 * other dumps and {@code id:}), which the dump also carries inline so that it parses offline.
 * <p>
 * Jena's own JSON-LD 1.1 writer builds its context from the dataset's prefixes and keeps the order its input
 * comes in; this uses the same library (Titanium, through which Jena reads and writes JSON-LD) with the
 * serialisation and compaction algorithms' "ordered" option, on sorted quads, and names blank nodes {@code _:bN}
 * in order of first appearance, so the same dataset always gives the same bytes.
 */
final class JsonLdDump {

    static final String CONTEXT_FILE = "context.jsonld";

    private JsonLdDump() {
    }

    /** The term definitions: one prefix per namespace, sorted. */
    static JsonObject termDefinitions() {
        Map<String, String> prefixes = new TreeMap<>(Namespaces.dumpPrefixes().getMapping());
        prefixes.put("id", Namespaces.ID);
        JsonObjectBuilder terms = Json.createObjectBuilder();
        prefixes.forEach(terms::add);
        return terms.build();
    }

    /** The published context document, {@value #CONTEXT_FILE}. */
    static String context() {
        return pretty(Json.createObjectBuilder().add("@context", termDefinitions()).build());
    }

    /** @param quads in the order they are to be written; sorted, for a reproducible dump */
    static String write(List<Quad> quads) throws PipelineException {
        QuadsToJsonld rdf = JsonLd.fromRdf().mode(JsonLdVersion.V1_1).ordered(true);
        Map<Node, String> blankNodes = new HashMap<>();
        try {
            for (Quad q : quads) {
                String s = resource(q.getSubject(), blankNodes);
                String p = q.getPredicate().getURI();
                String g = resource(q.getGraph(), blankNodes);
                Node o = q.getObject();
                if (o.isLiteral()) {
                    String language = o.getLiteralLanguage().isEmpty() ? null : o.getLiteralLanguage();
                    rdf.quad(s, p, o.getLiteralLexicalForm(), o.getLiteralDatatypeURI(), language, null, g);
                } else {
                    rdf.quad(s, p, resource(o, blankNodes), null, null, null, g);
                }
            }
            JsonObject document = Json.createObjectBuilder().add("@graph", rdf.toJsonLd()).build();
            JsonObject context = Json.createObjectBuilder().add("@context", termDefinitions()).build();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(document), JsonDocument.of(context))
                    .ordered(true).get();
            // Compaction appends the context; readers (and streaming parsers) expect it first.
            JsonObjectBuilder contextFirst = Json.createObjectBuilder().add("@context", termDefinitions());
            compacted.forEach((key, value) -> {
                if (!key.equals("@context")) {
                    contextFirst.add(key, value);
                }
            });
            return pretty(contextFirst.build());
        } catch (JsonLdError | RdfConsumerException e) {
            throw new PipelineException(Problem.inFile("srkg.jsonld", "cannot write JSON-LD: " + e.getMessage()));
        }
    }

    private static String resource(Node node, Map<Node, String> blankNodes) {
        if (node.isBlank()) {
            return blankNodes.computeIfAbsent(node, n -> "_:b" + blankNodes.size());
        }
        return node.getURI();
    }

    private static String pretty(JsonObject json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.writeObject(json);
        }
        // The writer starts with a line break and ends without one; files end with one.
        return text.toString().strip() + "\n";
    }
}
