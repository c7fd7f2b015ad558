package org.w3id.srkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.srkg.pipeline.Namespaces;
import org.w3id.srkg.pipeline.Pipeline;

/**
 * docs/wikidata.tsv and the owl:sameAs links of the entities graph say the same thing: every shared entity is listed,
 * linked ones with a well-formed QID used once, unlinked ones with an empty QID (not certain enough to link).
 */
class WikidataAlignmentTest {

    private static final Path TABLE = Path.of("docs/wikidata.tsv");
    private static final String WIKIDATA = "http://www.wikidata.org/entity/";
    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");

    private static final Map<String, String> tableQids = new TreeMap<>();
    private static final List<String> problems = new ArrayList<>();
    private static Graph entities;

    @BeforeAll
    static void load() throws Exception {
        entities = Pipeline.build(Path.of("")).getGraph(Namespaces.ENTITIES_GRAPH);
        List<String> lines = Files.readAllLines(TABLE);
        assertEquals("iri\tqid\twikidata_label", lines.get(0), "header of " + TABLE);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length != 3) {
                problems.add("not three tab-separated cells: " + line);
                continue;
            }
            if (tableQids.put(cells[0], cells[1]) != null) {
                problems.add("entity listed twice: " + cells[0]);
            }
            if (!cells[1].isEmpty() && (!QID.matcher(cells[1]).matches() || cells[2].isBlank())) {
                problems.add("malformed QID or missing Wikidata label: " + line);
            }
        }
    }

    @Test
    void tableRowsAreWellFormed() {
        assertEquals(List.of(), problems);
    }

    @Test
    void noQidIsUsedByTwoEntities() {
        Map<String, String> byQid = new HashMap<>();
        tableQids.forEach((iri, qid) -> {
            if (!qid.isEmpty()) {
                String other = byQid.put(qid, iri);
                assertTrue(other == null, () -> qid + " is used by " + other + " and " + iri);
            }
        });
    }

    @Test
    void tableAndGraphAgree() throws IOException {
        Map<String, String> graphQids = new TreeMap<>();
        entities.find(Node.ANY, OWL.sameAs.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(WIKIDATA)) {
                graphQids.put(t.getSubject().getURI(), t.getObject().getURI().substring(WIKIDATA.length()));
            }
        });
        Map<String, String> tableLinked = new TreeMap<>(tableQids);
        tableLinked.values().removeIf(String::isEmpty);
        assertEquals(graphQids, tableLinked, "owl:sameAs links in seeds/entities.ttl vs " + TABLE);
    }

    @Test
    void everySharedEntityIsListed() {
        Set<String> missing = new TreeSet<>();
        entities.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            String iri = t.getSubject().getURI();
            boolean role = iri.startsWith(Namespaces.ID + "role/");
            if (!role && !tableQids.containsKey(iri)) {
                missing.add(iri);
            }
        });
        assertEquals(Set.of(), missing, "entities missing from " + TABLE);
    }
}
