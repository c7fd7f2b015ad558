package org.w3id.srkg.server;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;

/**
 * The operator endpoints ({@code /$/stats}, {@code /$/metrics}, {@code /$/reload}): added only when turned on,
 * and then behind HTTP Basic authentication against the password file. Fuseki's own {@code passwordFile} setting
 * would put the whole server behind the login, so the security handler is built here with constraints on these
 * paths alone; the query endpoints stay open.
 */
final class OperatorEndpoints {

    static final String REALM = "srkg operator";

    private OperatorEndpoints() {
    }

    static void apply(FusekiServer.Builder builder, ServerOptions options) {
        if (!options.hasOperatorEndpoints()) {
            return;
        }
        ConstraintSecurityHandler security = JettySecurityLib.makeSecurityHandler(REALM,
                JettySecurityLib.makeUserStore(options.passwordFile().toString()), AuthScheme.BASIC);
        if (options.stats()) {
            builder.enableStats(true);
            JettySecurityLib.addPathConstraint(security, "/$/stats/*");
        }
        if (options.metrics()) {
            builder.enableMetrics(true);
            JettySecurityLib.addPathConstraint(security, "/$/metrics");
        }
        if (options.reloader() != null) {
            builder.addServlet(ReloadServlet.PATH, new ReloadServlet(options.reloader()));
            JettySecurityLib.addPathConstraint(security, ReloadServlet.PATH);
        }
        builder.securityHandler(security);
    }
}
