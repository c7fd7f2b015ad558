package org.w3id.srkg.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Reads evidence anchors back out of a built dataset the way a data user would, by SPARQL, and re-checks them
 * against the article text file the graph names, so tests see what a reader of the dump sees.
 */
public final class EvidenceAnchors {

    public static final String FILE_NAMESPACE = "https://w3id.org/srkg/";

    private static final String QUERY = """
            PREFIX oa:      <http://www.w3.org/ns/oa#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?annotation ?body ?article ?file ?start ?end ?exact ?prefix ?suffix WHERE {
              GRAPH ?g {
                ?annotation a oa:Annotation ; oa:hasBody ?body ; oa:hasTarget ?target .
                ?target oa:hasSource ?article ; oa:hasSelector ?position, ?quote .
                ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
                ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
                OPTIONAL { ?quote oa:prefix ?prefix }
                OPTIONAL { ?quote oa:suffix ?suffix }
                ?article dcterms:source ?file .
              }
            } ORDER BY ?annotation
            """;

    public record Anchor(String annotation, String body, String article, String file, int start, int end,
                         String exact, String prefix, String suffix) {

        /** Code points [start, end) of the text file this anchor's article names as its source. */
        public String reslice(Path root) throws IOException {
            return slice(root, start, end);
        }

        public String slice(Path root, int from, int to) throws IOException {
            int[] text = codePoints(root, file.substring(FILE_NAMESPACE.length()));
            int a = Math.max(0, from);
            int b = Math.min(text.length, to);
            return new String(text, a, b - a);
        }
    }

    private EvidenceAnchors() {
    }

    public static List<Anchor> of(DatasetGraph dataset) {
        List<Anchor> anchors = new ArrayList<>();
        Dataset ds = DatasetFactory.wrap(dataset);
        try (QueryExecution exec = QueryExecution.dataset(ds).query(QUERY).build()) {
            ResultSet rows = exec.execSelect();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                anchors.add(new Anchor(row.getResource("annotation").getURI(), row.get("body").toString(),
                        row.getResource("article").getURI(), row.getResource("file").getURI(),
                        row.getLiteral("start").getInt(), row.getLiteral("end").getInt(),
                        row.getLiteral("exact").getString(), string(row, "prefix"), string(row, "suffix")));
            }
        }
        return anchors;
    }

    public static int[] codePoints(Path root, String relative) throws IOException {
        return Files.readString(root.resolve(relative), StandardCharsets.UTF_8).codePoints().toArray();
    }

    private static String string(QuerySolution row, String var) {
        return row.contains(var) ? row.getLiteral(var).getString() : null;
    }
}
