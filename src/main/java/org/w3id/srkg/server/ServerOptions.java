package org.w3id.srkg.server;

import java.nio.file.Path;

import org.w3id.srkg.web.Publication;

/**
 * How the server is set up beyond its address: its limits, the SERVICE endpoints queries may call, the namespace the
 * linked-data pages answer for, and the operator endpoints, which are all off unless asked for and then only
 * reachable with a user from {@code passwordFile}. {@link #DEFAULTS} and the {@code with…} methods build one.
 *
 * @param limits       per-request limits
 * @param passwordFile Jetty/Fuseki password file ({@code user: password} lines) for the operator endpoints, or null
 * @param stats        serve {@code /$/stats}
 * @param metrics      serve {@code /$/metrics} (Prometheus)
 * @param reloader     serve {@code POST /$/reload} with this, or null
 * @param services     the endpoints SERVICE may call (default: Wikidata's query service)
 * @param publicBase   the namespace the linked-data pages answer for: path {@code /id/x} is {@code <publicBase>id/x}
 */
public record ServerOptions(QueryLimits limits, Path passwordFile, boolean stats, boolean metrics, Reloader reloader,
                            ServiceAllowlist services, String publicBase) {

    public static final ServerOptions DEFAULTS = new ServerOptions(QueryLimits.DEFAULTS, null, false, false, null,
            ServiceAllowlist.wikidata(), Publication.DEFAULT_PUBLIC_BASE);

    public ServerOptions {
        if (passwordFile == null && (stats || metrics || reloader != null)) {
            throw new IllegalArgumentException(
                    "the stats, metrics and reload endpoints are served only behind authentication: give a password file");
        }
    }

    public static ServerOptions of(QueryLimits limits) {
        return DEFAULTS.withLimits(limits);
    }

    public ServerOptions withLimits(QueryLimits newLimits) {
        return new ServerOptions(newLimits, passwordFile, stats, metrics, reloader, services, publicBase);
    }

    /** The operator endpoints: each on only with a password file. */
    public ServerOptions withOperatorEndpoints(Path users, boolean statsOn, boolean metricsOn, Reloader reloadWith) {
        return new ServerOptions(limits, users, statsOn, metricsOn, reloadWith, services, publicBase);
    }

    public ServerOptions withServices(ServiceAllowlist allowed) {
        return new ServerOptions(limits, passwordFile, stats, metrics, reloader, allowed, publicBase);
    }

    public ServerOptions withPublicBase(String base) {
        return new ServerOptions(limits, passwordFile, stats, metrics, reloader, services, base);
    }

    boolean hasOperatorEndpoints() {
        return stats || metrics || reloader != null;
    }
}
