package org.w3id.srkg.web;

/**
 * Everything a page prints goes through {@link #text} or {@link #attr}: the data is curated by hand from
 * news articles, and a literal or an IRI holding markup must reach the reader as text, never as HTML.
 */
public final class Html {

    private Html() {
    }

    /** Escapes text for element content and for quoted attribute values alike. */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A quoted attribute value. */
    public static String attr(String raw) {
        return '"' + text(raw) + '"';
    }

    /**
     * A link, or plain text when the target is not a web address: an IRI such as {@code javascript:…} in the
     * data must not become something a click runs.
     */
    public static String link(String href, String label) {
        if (href == null || !(href.startsWith("/") || href.startsWith("https://") || href.startsWith("http://"))) {
            return text(label);
        }
        return "<a href=" + attr(href) + ">" + text(label) + "</a>";
    }

    /** The frame every page shares: one stylesheet, the same navigation, no script unless the page brings one. */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + text(title) + " · srkg</title>\n"
                + "<link rel=\"stylesheet\" href=\"/assets/srkg.css\">\n"
                + "</head>\n<body>\n<header><nav>"
                + "<a class=\"home\" href=\"/\">srkg</a> "
                + "<a href=\"/query\">Query</a> "
                + "<a href=\"/ontology\">Ontology</a> "
                + "<a href=\"/downloads\">Downloads</a> "
                + "<a href=\"/.well-known/void\">Dataset</a>"
                + "</nav></header>\n<main>\n" + body + "\n</main>\n"
                + "<footer>Sino-Russian Relations Knowledge Graph · every statement is a claim of one article, "
                + "with its quote</footer>\n</body>\n</html>\n";
    }
}
