package org.w3id.srkg.server;

import org.eclipse.jetty.server.Handler;

/**
 * The Jetty handlers that stand between the network and Fuseki's servlets, outermost first: a request's body is read
 * in full without a thread ({@link RequestBodyReader}), then each client runs a bounded number of queries at once
 * ({@link ClientAdmission}), counted only once the body is there, so a slow sender holds no place; with the operator endpoints on, a client
 * failing their login is backed off ({@link LoginThrottle}). They work on Jetty's own requests, below the servlet layer,
 * because what they guard against (slow clients, too many requests from one client) costs threads before any servlet
 * filter could run.
 */
final class ClientGuards {

    private ClientGuards() {
    }

    static Handler around(Handler fuseki, ServerOptions options) {
        Handler inner = fuseki;
        if (options.hasOperatorEndpoints()) {
            LoginThrottle logins = new LoginThrottle();
            logins.setHandler(fuseki);
            inner = logins;
        }
        ClientAdmission admission = new ClientAdmission(SparqlServer.QUERY_PATHS, ClientAdmission.DEFAULT_CONCURRENT);
        admission.setHandler(inner);
        RequestBodyReader bodies = new RequestBodyReader(options.limits().maxRequestBytes());
        bodies.setHandler(admission);
        return bodies;
    }
}
