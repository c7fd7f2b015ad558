package org.w3id.srkg.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryDeniedException;

/**
 * The SPARQL endpoints a query on this server may call with {@code SERVICE}, and the URL each call really goes to.
 * <p>
 * An entry is {@code URL} (call it as named) or {@code URL=TARGET} (a query names {@code URL}, the call goes to
 * {@code TARGET}: a mirror, or a local stand-in in tests). A query's {@code SERVICE} IRI must equal an entry's
 * {@code URL} exactly; anything else, including {@code SERVICE ?var}, is denied. Loopback, link-local and unspecified
 * addresses are refused as an entry's {@code URL}, so they are reachable only as the explicit {@code TARGET} of a
 * mapping; every URL and target must be {@code http} or {@code https}, so {@code file:} never is.
 */
public final class ServiceAllowlist {

    /** Wikidata's query service: the default and only entry unless configured otherwise. */
    public static final String WIKIDATA = "https://query.wikidata.org/sparql";

    /** A URL may hold '=' in its query string: a mapping splits at the first '=' that a URL scheme follows. */
    private static final Pattern MAPPING = Pattern.compile("(.*?)=\\s*([A-Za-z][A-Za-z0-9+.-]*:.*)");
    private static final Pattern IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

    private final Map<String, String> targets;

    private ServiceAllowlist(Map<String, String> targets) {
        this.targets = Collections.unmodifiableMap(targets);
    }

    public static ServiceAllowlist wikidata() {
        return parse(List.of(WIKIDATA));
    }

    /** Entries as {@code URL} or {@code URL=TARGET}; an empty collection allows no SERVICE at all. */
    public static ServiceAllowlist parse(Collection<String> entries) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String entry : entries) {
            Matcher mapping = MAPPING.matcher(entry);
            boolean mapped = mapping.matches();
            String name = mapped ? mapping.group(1).strip() : entry.strip();
            String target = mapped ? mapping.group(2).strip() : name;
            checkHttp(name, entry);
            checkHttp(target, entry);
            if (!mapped && isLocal(name)) {
                throw new IllegalArgumentException("SERVICE allowlist entry '" + entry
                        + "' names a loopback, link-local or unspecified address; map a public name to it instead"
                        + " (URL=" + name + ")");
            }
            targets.put(name, target);
        }
        return new ServiceAllowlist(targets);
    }

    /** The entries of a file for {@link #parse}, one a line; blank lines and lines starting with '#' are skipped. */
    public static List<String> readEntries(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** Endpoint names as queries write them, each with the URL actually called, in configuration order. */
    public Map<String, String> entries() {
        return targets;
    }

    /**
     * The URL to call for {@code SERVICE service}.
     *
     * @throws QueryDeniedException naming the endpoint when it is not on the list or not a constant IRI
     */
    public String targetFor(Node service) {
        if (!service.isURI()) {
            throw new QueryDeniedException("SERVICE " + service
                    + " is not allowed: the endpoint must be a constant IRI on this server's SERVICE allowlist "
                    + targets.keySet());
        }
        String target = targets.get(service.getURI());
        if (target == null) {
            throw new QueryDeniedException("SERVICE <" + service.getURI()
                    + "> is not allowed: it is not on this server's SERVICE allowlist " + targets.keySet());
        }
        return target;
    }

    @Override
    public String toString() {
        return targets.toString();
    }

    private static void checkHttp(String url, String entry) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("SERVICE allowlist entry '" + entry + "': " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("SERVICE allowlist entry '" + entry
                    + "': '" + url + "' is not an http(s) URL with a host");
        }
    }

    /** Judged from the URL's text alone: resolving names here would let DNS decide what is local. */
    private static boolean isLocal(String url) {
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        boolean literal = IPV4.matcher(host).matches() || host.startsWith("[");
        if (!literal) {
            return false;
        }
        try {
            // A literal address is parsed, never looked up.
            InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", ""));
            return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
