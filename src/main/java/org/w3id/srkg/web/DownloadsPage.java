package org.w3id.srkg.web;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.w3id.srkg.pipeline.DumpPublisher;
import org.w3id.srkg.pipeline.PipelineException;
import org.w3id.srkg.pipeline.Sha256;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /downloads}: a page listing the dumps of the served dataset, and each file at {@code /downloads/<name>} —
 * the addresses the metadata graph publishes as {@code void:dataDump} and {@code dcat:downloadURL}. The files are
 * rendered by the same {@link DumpPublisher} as {@code srkg build}, so a download is byte for byte what a build of
 * the same seeds gives, and its SHA-256 on the page can be checked against one. They are rendered on the first
 * request (a server nobody downloads from does not pay for them) and again when a reload has put another dataset
 * behind the served view (a {@link DatasetGraphWrapper} whose wrapped dataset changed), so they never go stale.
 */
final class DownloadsPage extends HttpServlet {

    static final String PATH = "/downloads";

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "srkg.trig", "application/trig", "srkg.nq", "application/n-quads", "srkg.ttl", "text/turtle",
            "srkg.jsonld", "application/ld+json", "context.jsonld", "application/ld+json", "void.ttl", "text/turtle");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "srkg.trig", "every named graph (TriG)",
            "srkg.nq", "every named graph, one statement a line (N-Quads)",
            "srkg.ttl", "the union of all graphs, without graph names (Turtle)",
            "srkg.jsonld", "every named graph (JSON-LD 1.1, with its context inline)",
            "context.jsonld", "the JSON-LD context of srkg.jsonld",
            "void.ttl", "the dataset's description: VoID counts, DCAT distributions, PROV of the build (Turtle)");

    private final transient DatasetGraph dataset;
    private transient Dumps dumps;

    /** The files of one version of the dataset, and their checksums. */
    private record Dumps(DatasetGraph source, SortedMap<String, byte[]> files) {
    }

    DownloadsPage(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    private synchronized Dumps current() throws IOException {
        DatasetGraph source = dataset instanceof DatasetGraphWrapper wrapper ? wrapper.getWrapped() : dataset;
        if (dumps == null || dumps.source() != source) {
            try {
                dumps = new Dumps(source, DumpPublisher.render(source));
            } catch (PipelineException e) {
                throw new IOException("cannot render the dumps: " + e.problems(), e);
            }
        }
        return dumps;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = request.getRequestURI().substring(PATH.length());
        Dumps current = current();
        if (rest.isEmpty() || rest.equals("/")) {
            NegotiatingServlet.send(response, HttpServletResponse.SC_OK, "text/html", page(current));
            return;
        }
        byte[] body = current.files().get(rest.substring(1));
        if (body == null) {
            NegotiatingServlet.send(response, HttpServletResponse.SC_NOT_FOUND, "text/plain", "No such download.\n");
            return;
        }
        String name = rest.substring(1);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MEDIA_TYPES.getOrDefault(name, "application/octet-stream"));
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.getOutputStream().write(body);
    }

    private static String page(Dumps dumps) {
        StringBuilder body = new StringBuilder("<article>\n<h1>Downloads</h1>\n<p>The whole knowledge graph, as served here. "
                + "The same files come out of <code>java -jar target/srkg.jar build</code>: byte for byte, for the same seeds.</p>\n"
                + "<table class=\"downloads\"><thead><tr><th>file</th><th>what</th><th>bytes</th><th>SHA-256</th></tr></thead><tbody>\n");
        for (Map.Entry<String, byte[]> file : dumps.files().entrySet()) {
            body.append("<tr><td>").append(Html.link(PATH + "/" + file.getKey(), file.getKey())).append("</td><td>")
                    .append(Html.text(DESCRIPTIONS.getOrDefault(file.getKey(), ""))).append("</td><td>")
                    .append(file.getValue().length).append("</td><td><code>")
                    .append(Sha256.hex(file.getValue())).append("</code></td></tr>\n");
        }
        body.append("</tbody></table>\n<p>Single resources: every IRI under <code>/id/</code> and <code>/graph/</code> "
                + "answers with its description; the dataset description is at ")
                .append(Html.link(VoidServlet.PATH, VoidServlet.PATH)).append(".</p>\n</article>");
        return Html.page("Downloads", body.toString());
    }
}
