package org.w3id.srkg.server;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /$/reload}: rebuilds and swaps, answering 200 when the new graph is served and 409 (with the build's
 * problems) when the build failed and the previous graph is still served. Registered only behind authentication.
 */
final class ReloadServlet extends HttpServlet {

    static final String PATH = "/$/reload";

    private final transient Reloader reloader;

    ReloadServlet(Reloader reloader) {
        this.reloader = reloader;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Reloader.Outcome outcome = reloader.reload();
        response.setStatus(outcome.reloaded() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_CONFLICT);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(outcome.message());
    }
}
