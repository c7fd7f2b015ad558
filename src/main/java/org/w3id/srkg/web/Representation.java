package org.w3id.srkg.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.RDFFormat;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The forms a description is given in, chosen by the {@code Accept} header or overridden by {@code ?format=}
 * (a short name or the media type itself). HTML comes first so that a client accepting anything gets the page.
 */
public enum Representation {

    HTML("text/html", null, "html", "htm"),
    TURTLE("text/turtle", RDFFormat.TURTLE, "ttl", "turtle"),
    JSONLD("application/ld+json", RDFFormat.JSONLD, "jsonld", "json-ld", "json"),
    NTRIPLES("application/n-triples", RDFFormat.NTRIPLES, "nt", "ntriples", "n-triples"),
    RDFXML("application/rdf+xml", RDFFormat.RDFXML_ABBREV, "rdf", "rdfxml", "xml", "owl");

    public static final String FORMAT_PARAM = "format";

    private final String mediaType;
    private final RDFFormat rdfFormat;
    private final List<String> names;

    Representation(String mediaType, RDFFormat rdfFormat, String... names) {
        this.mediaType = mediaType;
        this.rdfFormat = rdfFormat;
        this.names = List.of(names);
    }

    public String mediaType() {
        return mediaType;
    }

    RDFFormat rdfFormat() {
        return rdfFormat;
    }

    /** The short name used in {@code ?format=} links. */
    public String shortName() {
        return names.get(0);
    }

    /** The representation the request asks for, or empty when none of them is acceptable (a 406). */
    static Optional<Representation> choose(HttpServletRequest request) {
        String format = request.getParameter(FORMAT_PARAM);
        if (format != null) {
            String wanted = format.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(r -> r.mediaType.equals(wanted) || r.names.contains(wanted))
                    .findFirst();
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return Optional.of(HTML);
        }
        AcceptList offers = AcceptList.create(Arrays.stream(values()).map(r -> r.mediaType).toArray(String[]::new));
        MediaType match = AcceptList.match(new AcceptList(accept), offers);
        if (match == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(r -> r.mediaType.equals(match.getContentTypeStr())).findFirst();
    }
}
