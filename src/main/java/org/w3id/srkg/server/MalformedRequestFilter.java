package org.w3id.srkg.server;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Decodes the request's parameters before Fuseki sees them. Jetty reports a query string or form that is not
 * valid UTF-8 (say {@code ?query=%FF}) by throwing from {@code getParameter}; inside Fuseki that exception becomes
 * a 500, although the fault is the client's, so it is answered here with 400. So is a charset Java does not know:
 * Jetty only notices it when there is something to decode, and an empty form in it reached Fuseki, which answered 500.
 */
final class MalformedRequestFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            String charset = request.getCharacterEncoding();
            if (charset != null && !Charset.isSupported(charset)) {
                throw new UnsupportedCharsetException(charset);
            }
            request.getParameterMap();
        } catch (RuntimeException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().println("Malformed parameters: " + e.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
