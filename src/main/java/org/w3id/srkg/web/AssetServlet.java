package org.w3id.srkg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /assets/}: the site's stylesheet and script ({@code web/} on the classpath) and the CodeMirror editor
 * from its WebJar, a Maven dependency, under {@code /assets/codemirror/}. Only stylesheets and scripts are
 * served, and never from outside those two folders.
 */
final class AssetServlet extends HttpServlet {

    static final String PATH = "/assets";
    static final String CODEMIRROR = PATH + "/codemirror";

    private static final Map<String, String> TYPES = Map.of(".css", "text/css", ".js", "text/javascript");
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/codemirror/pom.properties";

    private final String codemirrorFolder;

    AssetServlet() {
        Properties pom = new Properties();
        try (InputStream in = AssetServlet.class.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("the CodeMirror WebJar is not on the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The WebJar keeps its files under its version; reading it here keeps the version in the pom alone.
        codemirrorFolder = "/META-INF/resources/webjars/codemirror/" + pom.getProperty("version");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(PATH.length());
        String type = TYPES.entrySet().stream().filter(t -> path.endsWith(t.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        String resource = path.startsWith("/codemirror/") ? codemirrorFolder + path.substring("/codemirror".length())
                : "/web" + path;
        InputStream in = type == null || path.contains("..") ? null : AssetServlet.class.getResourceAsStream(resource);
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        try (in; OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
