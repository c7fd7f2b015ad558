package org.w3id.srkg.server;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a browser may do with srkg's responses.
 * <ul>
 * <li>The {@code stylesheet} parameter is refused (400): Fuseki writes it unescaped into the
 * {@code <?xml-stylesheet?>} instruction of XML results, so a link could make the results a page that runs the
 * link author's script (srkg issue 14). So is JSONP's {@code callback}, which makes results a script to be run by
 * any page; the query endpoints offer CORS instead.</li>
 * <li>Every response says {@code X-Content-Type-Options: nosniff}, and carries a Content-Security-Policy that allows
 * only this server's own scripts, styles and connections and no framing ({@code frame-ancestors 'none'}, and
 * {@code X-Frame-Options} for browsers that predate it). srkg's pages satisfy it: their scripts and styles are files
 * under /assets, with no inline code; CodeMirror sets styles through the DOM, which the policy does not govern.</li>
 * <li>TRACE is refused (405): it echoes the request's headers back.</li>
 * </ul>
 */
final class BrowserSafetyFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        if ("TRACE".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "TRACE is not supported");
            return;
        }
        for (String parameter : new String[] {"stylesheet", "callback"}) {
            if (request.getParameter(parameter) != null) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "The " + parameter
                        + " parameter is not supported (results are not made into pages or scripts)");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message);
    }
}
