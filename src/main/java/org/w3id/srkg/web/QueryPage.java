package org.w3id.srkg.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The query page at {@code /} and {@code /query}: CodeMirror's SPARQL editor over a plain form, the example
 * queries beside it, results as a table under it and as CSV or JSON downloads. Queries go to the public
 * {@code /sparql} endpoint like any client's, with whatever limits the endpoint has. Without JavaScript the form
 * still posts to the endpoint.
 */
final class QueryPage extends HttpServlet {

    static final String PATH = "/query";

    private final Publication publication;
    private final List<ExampleQueries.Example> examples;
    private final String codemirror;

    QueryPage(Publication publication, List<ExampleQueries.Example> examples, String codemirror) {
        this.publication = publication;
        this.examples = examples;
        this.codemirror = codemirror;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String wanted = request.getParameter("example");
        Optional<ExampleQueries.Example> chosen = examples.stream().filter(e -> e.id().equals(wanted)).findFirst()
                .or(() -> request.getParameter("query") == null ? examples.stream().findFirst() : Optional.empty());
        String query = chosen.map(ExampleQueries.Example::query).orElse(request.getParameter("query"));
        NegotiatingServlet.send(response, HttpServletResponse.SC_OK, "text/html", page(chosen, query == null ? "" : query));
    }

    private String page(Optional<ExampleQueries.Example> chosen, String query) {
        StringBuilder body = new StringBuilder();
        body.append("<link rel=\"stylesheet\" href=\"").append(codemirror).append("/lib/codemirror.css\">\n")
                .append("<div class=\"query-layout\">\n<aside class=\"examples\"><h2>Example questions</h2>\n<ol>\n");
        for (ExampleQueries.Example example : examples) {
            body.append("<li><a class=\"example\" href=").append(Html.attr(PATH + "?example=" + example.id()))
                    .append(" data-id=").append(Html.attr(example.id()))
                    .append(" data-query=").append(Html.attr(example.query())).append(">")
                    .append(Html.text(example.question().isEmpty() ? example.id() : example.question()))
                    .append("</a></li>\n");
        }
        body.append("</ol></aside>\n<section class=\"editor\">\n<h1>Query the knowledge graph</h1>\n")
                .append("<p>SPARQL 1.1 over the union of all graphs; <code>GRAPH ?g</code> tells which article a statement comes from. "
                        + "The endpoint is <code>/sparql</code>.</p>\n")
                .append("<p id=\"question\" class=\"question\">")
                .append(Html.text(chosen.map(ExampleQueries.Example::question).orElse(""))).append("</p>\n")
                .append("<form id=\"query-form\" action=\"/sparql\" method=\"post\" data-public-base=")
                .append(Html.attr(publication.publicBase())).append(">\n")
                .append("<textarea id=\"query\" name=\"query\" rows=\"18\" spellcheck=\"false\">").append(Html.text(query))
                .append("</textarea>\n<p class=\"buttons\">")
                .append("<button type=\"submit\" id=\"run\">Run query</button> ")
                .append("<label class=\"nojs\">without JavaScript, results as <select name=\"output\"><option value=\"json\">JSON</option>"
                        + "<option value=\"csv\">CSV</option><option value=\"tsv\">TSV</option><option value=\"xml\">XML</option>"
                        + "</select></label> ")
                .append("<a id=\"download-csv\" download=\"results.csv\" href=\"#\">Download CSV</a> ")
                .append("<a id=\"download-json\" download=\"results.json\" href=\"#\">Download JSON</a></p>\n</form>\n")
                .append("<p id=\"status\" role=\"status\"></p>\n<div id=\"results\"></div>\n</section>\n</div>\n")
                .append("<script src=\"").append(codemirror).append("/lib/codemirror.js\"></script>\n")
                .append("<script src=\"").append(codemirror).append("/mode/sparql/sparql.js\"></script>\n")
                .append("<script src=\"").append(codemirror).append("/addon/edit/matchbrackets.js\"></script>\n")
                .append("<script src=\"/assets/query.js\"></script>\n");
        return Html.page("Query", body.toString());
    }
}
