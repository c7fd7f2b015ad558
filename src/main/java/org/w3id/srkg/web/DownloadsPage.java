package org.w3id.srkg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.w3id.srkg.pipeline.DumpPublisher;
import org.w3id.srkg.pipeline.PipelineException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /downloads}: the dumps of the served dataset. They are written by the same {@link DumpPublisher} as
 * {@code srkg build}, so a download is byte for byte what a build of the same seeds gives, and its SHA-256 on the
 * page can be checked against one. They are written at start and again when a reload has put another dataset
 * behind the served view (a {@link DatasetGraphWrapper} whose wrapped dataset changed), so they never go stale.
 */
final class DownloadsPage extends HttpServlet {

    static final String PATH = "/downloads";

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "srkg.trig", "application/trig", "srkg.nq", "application/n-quads", "srkg.ttl", "text/turtle");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "srkg.trig", "every named graph (TriG)",
            "srkg.nq", "every named graph, one statement a line (N-Quads)",
            "srkg.ttl", "the union of all graphs, without graph names (Turtle)");

    private final DatasetGraph dataset;
    private Dumps dumps;

    /** The dumps of one version of the dataset: where they are and their checksums. */
    private record Dumps(DatasetGraph source, Path folder, Map<String, String> sha256) {
    }

    DownloadsPage(DatasetGraph dataset) {
        this.dataset = dataset;
        this.dumps = write(source());
    }

    private DatasetGraph source() {
        return dataset instanceof DatasetGraphWrapper wrapper ? wrapper.getWrapped() : dataset;
    }

    private synchronized Dumps current() {
        DatasetGraph source = source();
        if (dumps.source() != source) {
            dumps = write(source);
        }
        return dumps;
    }

    private static Dumps write(DatasetGraph source) {
        try {
            Path temp = Files.createTempDirectory("srkg-downloads");
            temp.toFile().deleteOnExit();
            Path folder = temp.resolve("dump");
            DumpPublisher.publish(source, folder);
            folder.toFile().deleteOnExit();
            Map<String, String> sha256 = new LinkedHashMap<>();
            for (String name : DumpPublisher.FILES) {
                folder.resolve(name).toFile().deleteOnExit();
                sha256.put(name, sha256(folder.resolve(name)));
            }
            return new Dumps(source, folder, sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dumps for /downloads", e);
        } catch (PipelineException e) {
            throw new IllegalStateException("cannot write the dumps for /downloads: " + e.problems(), e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = request.getRequestURI().substring(PATH.length());
        Dumps dumps = current();
        if (rest.isEmpty() || rest.equals("/")) {
            NegotiatingServlet.send(response, HttpServletResponse.SC_OK, "text/html", page(dumps));
            return;
        }
        String name = rest.substring(1);
        if (!dumps.sha256().containsKey(name)) {
            NegotiatingServlet.send(response, HttpServletResponse.SC_NOT_FOUND, "text/plain", "No such download.\n");
            return;
        }
        Path file = dumps.folder().resolve(name);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MEDIA_TYPES.get(name));
        response.setCharacterEncoding("UTF-8");
        response.setContentLengthLong(Files.size(file));
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(file, out);
        }
    }

    private static String page(Dumps dumps) throws IOException {
        StringBuilder body = new StringBuilder("<article>\n<h1>Downloads</h1>\n<p>The whole knowledge graph, as served here. "
                + "The same files come out of <code>java -jar target/srkg.jar build</code>: byte for byte, for the same seeds.</p>\n"
                + "<table class=\"downloads\"><thead><tr><th>file</th><th>what</th><th>bytes</th><th>SHA-256</th></tr></thead><tbody>\n");
        for (Map.Entry<String, String> file : dumps.sha256().entrySet()) {
            body.append("<tr><td>").append(Html.link(PATH + "/" + file.getKey(), file.getKey())).append("</td><td>")
                    .append(Html.text(DESCRIPTIONS.get(file.getKey()))).append("</td><td>")
                    .append(Files.size(dumps.folder().resolve(file.getKey()))).append("</td><td><code>")
                    .append(file.getValue()).append("</code></td></tr>\n");
        }
        body.append("</tbody></table>\n<p>Single resources: every IRI under <code>/id/</code> and <code>/graph/</code> "
                + "answers with its description; the dataset description is at ")
                .append(Html.link(VoidServlet.PATH, VoidServlet.PATH)).append(".</p>\n</article>");
        return Html.page("Downloads", body.toString());
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
