package org.w3id.srkg.server;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin access to the query endpoints only, and only for GET and POST: a web page anywhere may query
 * srkg, but nothing else of the server is offered to other origins. Fuseki's own CORS filter would apply to every
 * path and method, so it stays off. No credentials are involved (the query endpoints need none), hence origin
 * {@code *}.
 */
final class CorsFilter extends HttpFilter {

    private static final Set<String> METHODS = Set.of("GET", "POST");
    static final String ALLOWED_METHODS = "GET, POST";
    static final String ALLOWED_HEADERS = "Accept, Content-Type";

    private final Set<String> queryPaths;

    CorsFilter(Set<String> queryPaths) {
        this.queryPaths = Set.copyOf(queryPaths);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin == null || !queryPaths.contains(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        String preflightMethod = request.getHeader("Access-Control-Request-Method");
        if ("OPTIONS".equals(request.getMethod()) && preflightMethod != null) {
            if (METHODS.contains(preflightMethod)) {
                response.setHeader("Access-Control-Allow-Origin", "*");
                response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
                response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                response.setHeader("Access-Control-Max-Age", "86400");
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (METHODS.contains(request.getMethod())) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            response.setHeader("Access-Control-Expose-Headers", LimitedQueryService.TRUNCATED_HEADER);
        }
        chain.doFilter(request, response);
    }
}
