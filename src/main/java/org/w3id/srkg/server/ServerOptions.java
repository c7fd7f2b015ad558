package org.w3id.srkg.server;

import java.nio.file.Path;

/**
 * How the server is set up beyond its address: its limits, and the operator endpoints, which are all off unless
 * asked for and then only reachable with a user from {@code passwordFile}.
 *
 * @param limits       per-request limits
 * @param passwordFile Jetty/Fuseki password file ({@code user: password} lines) for the operator endpoints, or null
 * @param stats        serve {@code /$/stats}
 * @param metrics      serve {@code /$/metrics} (Prometheus)
 * @param reloader     serve {@code POST /$/reload} with this, or null
 */
public record ServerOptions(QueryLimits limits, Path passwordFile, boolean stats, boolean metrics, Reloader reloader) {

    public static final ServerOptions DEFAULTS = new ServerOptions(QueryLimits.DEFAULTS, null, false, false, null);

    public ServerOptions {
        if (passwordFile == null && (stats || metrics || reloader != null)) {
            throw new IllegalArgumentException(
                    "the stats, metrics and reload endpoints are served only behind authentication: give a password file");
        }
    }

    public static ServerOptions of(QueryLimits limits) {
        return new ServerOptions(limits, null, false, false, null);
    }

    boolean hasOperatorEndpoints() {
        return stats || metrics || reloader != null;
    }
}
