package org.w3id.srkg.server;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.srkg.pipeline.DumpPublisher;
import org.w3id.srkg.pipeline.PipelineException;

/**
 * Read-only downloads at {@value #PATH}: {@code /dumps/srkg.trig} and the other files {@code srkg build} writes
 * (the dumps, the JSON-LD context, the VoID/DCAT description as {@code void.ttl}), byte for byte as the build
 * writes them for the same seeds; {@code /dumps/} redirects to the description, which lists every download.
 * These are the download URLs the metadata graph publishes. The files are made on the first request, not at
 * start-up, so a server nobody downloads from does not pay for them.
 */
final class DumpServlet extends HttpServlet {

    static final String PATH = "/dumps/*";
    static final String DESCRIPTION = "void.ttl";

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "srkg.trig", "application/trig", "srkg.nq", "application/n-quads", "srkg.ttl", "text/turtle",
            "srkg.jsonld", "application/ld+json", "context.jsonld", "application/ld+json", DESCRIPTION, "text/turtle");

    private final transient DatasetGraph dataset;
    private transient SortedMap<String, byte[]> files;

    DumpServlet(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (name.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/dumps/" + DESCRIPTION);
            return;
        }
        byte[] body = files().get(name);
        if (body == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such dump; see /dumps/" + DESCRIPTION);
            return;
        }
        response.setContentType(MEDIA_TYPES.getOrDefault(name, "application/octet-stream") + "; charset=utf-8");
        response.setContentLength(body.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.getOutputStream().write(body);
    }

    private synchronized SortedMap<String, byte[]> files() throws IOException {
        if (files == null) {
            try {
                files = DumpPublisher.render(dataset);
            } catch (PipelineException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return files;
    }
}
