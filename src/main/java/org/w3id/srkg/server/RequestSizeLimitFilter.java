package org.w3id.srkg.server;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request body before anything reads it: larger than the limit is 413, a body of unknown length
 * (chunked) is 411. Deciding from the declared length alone keeps the heap bounded whatever a client sends: the
 * server never buffers more than the limit (a body up to four times it is read and dropped, never kept), and Jetty
 * never reads more than the declared length. Every honest
 * client (curl, browsers, SPARQL libraries) declares the length of a query or form it posts. Jetty's own form
 * limit is set to the same value by {@link SparqlServer}, so a form within the limit is always parsed.
 */
final class RequestSizeLimitFilter extends HttpFilter {

    /**
     * A body at most this many times the limit is read (and dropped) before the 413 is sent: a client that sends
     * the whole body before reading the answer (most do) then always gets the 413, instead of a connection the
     * server closed under it. Larger bodies are refused unread, on the declared length alone.
     */
    static final long READ_BEFORE_REFUSING = 4;

    private final long maxBytes;

    RequestSizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            if (length <= READ_BEFORE_REFUSING * maxBytes) {
                drain(request);
            }
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "Request body of " + length + " bytes is larger than the limit of " + maxBytes + " bytes");
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED,
                    "A request body must declare its Content-Length (at most " + maxBytes + " bytes)");
            return;
        }
        chain.doFilter(request, response);
        if (length > 0) {
            drain(request);
        }
    }

    /**
     * Reads what the handler left of a body within the limit. Fuseki refuses many requests (415, 405) without
     * reading their body; Jetty then closes the connection after the response, and a client that reuses it for its
     * next request sees that request fail without an answer.
     */
    private static void drain(HttpServletRequest request) {
        try {
            request.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException | IllegalStateException e) {
            // Read as characters by the handler, or the client went away: nothing left to drain here.
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        // Whatever is left of the body is not worth reading: close the connection instead.
        response.setHeader("Connection", "close");
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message);
    }
}
