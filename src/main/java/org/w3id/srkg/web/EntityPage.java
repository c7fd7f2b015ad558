package org.w3id.srkg.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The page of one resource, for a researcher: what it is, the events it took part in by date, what it said,
 * the figures about it, every claim that mentions it with the article and the marked quote, and then the plain
 * statements in and out, each with the graph it comes from. Every name links to its own page.
 */
final class EntityPage {

    private static final Node EVENT = Publication.srkg("Event");
    private static final Node QUOTE = Publication.srkg("Quote");
    private static final Node FIGURE = Publication.srkg("Figure");
    private static final Node DATE = Publication.srkg("date");
    private static final Node START_DATE = Publication.srkg("startDate");
    private static final Node END_DATE = Publication.srkg("endDate");
    private static final Node TIME_DESCRIPTION = Publication.srkg("timeDescription");
    private static final Node STATUS = Publication.srkg("status");
    private static final Node SPEAKER = Publication.srkg("speaker");
    private static final Node QUOTED_TEXT = Publication.srkg("quotedText");
    private static final Node PARAPHRASE = Publication.srkg("paraphrase");
    private static final Node MEASURE = Publication.srkg("measure");
    private static final Node AMOUNT = Publication.srkg("amount");
    private static final Node UNIT = Publication.srkg("unit");
    private static final Node QUALIFIER = Publication.srkg("qualifier");
    private static final Node DERIVED_FROM = Publication.uri(Publication.PROV + "wasDerivedFrom");
    private static final Node SAME_AS = Publication.uri(Publication.OWL_SAME_AS);

    private final Publication publication;
    private final Node subject;
    private final Set<Node> eventClasses;
    private final String name;

    private EntityPage(Publication publication, Node subject) {
        this.publication = publication;
        this.subject = subject;
        this.name = publication.label(subject);
        this.eventClasses = subClassesOf(publication, EVENT);
    }

    static String render(Publication publication, Node subject) {
        return new EntityPage(publication, subject).html();
    }

    private String html() {
        StringBuilder body = new StringBuilder();
        body.append("<article class=\"entity\">\n<h1>").append(Html.text(name)).append("</h1>\n");
        body.append("<p class=\"iri\"><code>").append(Html.text(subject.getURI())).append("</code></p>\n");
        body.append(summary());
        if (Evidence.isClaim(publication, subject)) {
            body.append("<section id=\"source\"><h2>Source</h2>\n").append(claimSource(subject)).append("</section>\n");
        }
        List<Node> referrers = publication.union().find(Node.ANY, Node.ANY, subject).mapWith(Triple::getSubject)
                .toList().stream().distinct().sorted(NodeCmp::compareRDFTerms).toList();
        List<Node> events = referrers.stream().filter(this::isEvent).sorted(byDate()).toList();
        List<Node> quotes = referrers.stream().filter(n -> hasType(n, QUOTE)).toList();
        List<Node> figures = referrers.stream().filter(n -> hasType(n, FIGURE)).toList();
        Set<Node> shown = new HashSet<>(events);
        shown.addAll(quotes);
        shown.addAll(figures);
        List<Node> otherClaims = referrers.stream()
                .filter(n -> !shown.contains(n) && Evidence.isClaim(publication, n)).toList();
        body.append(section("timeline", "Timeline", events, this::eventRow));
        body.append(section("quotes", "Quotes", quotes, this::quoteRow));
        body.append(section("figures", "Figures", figures, this::figureRow));
        body.append(section("claims", "Claims that mention " + name, otherClaims, this::claimRow));
        body.append(articleClaims());
        body.append(statements());
        body.append(NegotiatingServlet.alternates(publication.href(subject)));
        body.append("</article>");
        return Html.page(name, body.toString());
    }

    private String summary() {
        StringBuilder out = new StringBuilder("<dl class=\"summary\">\n");
        List<Node> types = publication.objects(subject, RDF.type.asNode());
        if (!types.isEmpty()) {
            out.append("<dt>Type</dt><dd class=\"types\">").append(join(types)).append("</dd>\n");
        }
        List<Node> alt = publication.objects(subject, SKOS.altLabel.asNode());
        if (!alt.isEmpty()) {
            out.append("<dt>Also called</dt><dd>").append(alt.stream().map(n -> Html.text(n.getLiteralLexicalForm()))
                    .collect(Collectors.joining(", "))).append("</dd>\n");
        }
        for (Node same : publication.objects(subject, SAME_AS)) {
            boolean wikidata = same.isURI() && same.getURI().startsWith(Publication.WIKIDATA);
            out.append("<dt>").append(wikidata ? "Wikidata" : "Same as").append("</dt><dd>")
                    .append(Html.link(same.isURI() ? same.getURI() : null,
                            wikidata ? same.getURI().substring(Publication.WIKIDATA.length()) : publication.label(same)))
                    .append("</dd>\n");
        }
        return out.append("</dl>\n").toString();
    }

    /** The article (or articles) a claim comes from, and its quotes marked. */
    private String claimSource(Node claim) {
        Set<Node> articles = new LinkedHashSet<>(publication.objects(claim, DERIVED_FROM));
        publication.dataset().find(Node.ANY, claim, Node.ANY, Node.ANY)
                .forEachRemaining(q -> publication.articleOf(q.getGraph()).ifPresent(articles::add));
        StringBuilder out = new StringBuilder("<div class=\"source\">");
        if (!articles.isEmpty()) {
            out.append("<span class=\"article\">").append(join(new ArrayList<>(articles))).append("</span>");
        }
        for (Evidence.Passage passage : Evidence.of(publication, claim)) {
            out.append("<blockquote class=\"evidence\">").append(passage.html()).append("</blockquote>");
        }
        return out.append("</div>\n").toString();
    }

    private String eventRow(Node event) {
        return "<td class=\"when\">" + Html.text(when(event)) + "</td><td>" + value(event)
                + " <span class=\"kind\">" + join(specificTypes(event)) + "</span>"
                + status(event) + "<br><span class=\"role\">" + Html.text(name) + " as " + roles(event) + "</span>"
                + "</td><td>" + claimSource(event) + "</td>";
    }

    private String quoteRow(Node quote) {
        // Curators copy the quotation marks of the text or not; the page adds its own, once.
        String words = publication.literal(quote, QUOTED_TEXT)
                .map(w -> "“" + w.replaceAll("^[\"“”]+|[\"“”]+$", "") + "”")
                .or(() -> publication.literal(quote, PARAPHRASE).map(p -> "(reported) " + p))
                .orElse(publication.label(quote));
        return "<td class=\"when\">" + Html.text(when(quote)) + "</td><td>" + join(publication.objects(quote, SPEAKER))
                + ": <span class=\"words\">" + Html.text(words) + "</span><br>" + value(quote) + "</td><td>"
                + claimSource(quote) + "</td>";
    }

    private String figureRow(Node figure) {
        String amount = publication.literal(figure, AMOUNT).map(EntityPage::formatAmount).orElse("");
        return "<td class=\"when\">" + Html.text(when(figure)) + "</td><td>" + join(publication.objects(figure, MEASURE))
                + ": <strong class=\"amount\">" + Html.text(amount) + "</strong> " + join(publication.objects(figure, UNIT))
                + qualifiers(figure) + "<br>" + value(figure) + "</td><td>" + claimSource(figure) + "</td>";
    }

    private String claimRow(Node claim) {
        return "<td class=\"when\">" + Html.text(when(claim)) + "</td><td>" + value(claim) + " <span class=\"kind\">"
                + join(specificTypes(claim)) + "</span><br><span class=\"role\">" + Html.text(name) + " as "
                + roles(claim) + "</span></td><td>" + claimSource(claim) + "</td>";
    }

    private String roles(Node referrer) {
        return publication.union().find(referrer, Node.ANY, subject).mapWith(Triple::getPredicate).toList().stream()
                .distinct().sorted(NodeCmp::compareRDFTerms).map(this::value).collect(Collectors.joining(", "));
    }

    private String status(Node event) {
        List<Node> status = publication.objects(event, STATUS);
        return status.isEmpty() ? "" : " <span class=\"status\">(" + join(status) + ")</span>";
    }

    private String qualifiers(Node figure) {
        List<Node> qualifiers = publication.objects(figure, QUALIFIER);
        return qualifiers.isEmpty() ? "" : " <span class=\"qualifier\">(" + join(qualifiers) + ")</span>";
    }

    /** For an article: every claim its graph holds, since claims name their article by the graph they sit in. */
    private String articleClaims() {
        List<Node> claims = new ArrayList<>();
        publication.dataset().listGraphNodes().forEachRemaining(graph -> {
            if (publication.articleOf(graph).filter(subject::equals).isPresent()) {
                publication.dataset().getGraph(graph).find().mapWith(Triple::getSubject).toList().stream()
                        .distinct().filter(n -> Evidence.isClaim(publication, n)).forEach(claims::add);
            }
        });
        claims.sort(NodeCmp::compareRDFTerms);
        return section("article-claims", "What this article says", claims.stream().distinct().toList(), this::claimRow);
    }

    /** The plain statements in both directions, each with the graph it is stated in. */
    private String statements() {
        StringBuilder out = new StringBuilder("<section id=\"statements\"><h2>Statements</h2>\n<table class=\"statements\">\n")
                .append("<thead><tr><th>subject</th><th>property</th><th>value</th><th>stated in</th></tr></thead><tbody>\n");
        List<Triple> outgoing = publication.union().find(subject, Node.ANY, Node.ANY).toList();
        List<Triple> incoming = publication.union().find(Node.ANY, Node.ANY, subject).toList();
        Comparator<Triple> order = Comparator.comparing(Triple::getPredicate, NodeCmp::compareRDFTerms)
                .thenComparing(Triple::getSubject, NodeCmp::compareRDFTerms)
                .thenComparing(Triple::getObject, NodeCmp::compareRDFTerms);
        for (Triple t : outgoing.stream().sorted(order).toList()) {
            out.append(statementRow(t, true));
        }
        for (Triple t : incoming.stream().sorted(order).toList()) {
            out.append(statementRow(t, false));
        }
        return out.append("</tbody></table></section>\n").toString();
    }

    private String statementRow(Triple t, boolean outgoing) {
        String graphs = publication.graphsOf(t).stream()
                .map(g -> Html.link(publication.href(publication.articleOf(g).orElse(g)),
                        publication.articleOf(g).map(publication::label).orElse(publication.label(g))))
                .collect(Collectors.joining(", "));
        return "<tr class=\"" + (outgoing ? "out" : "in") + "\"><td>" + (outgoing ? "this" : value(t.getSubject()))
                + "</td><td>" + value(t.getPredicate()) + "</td><td>" + (outgoing ? value(t.getObject()) : "this")
                + "</td><td>" + graphs + "</td></tr>\n";
    }

    private interface Row {
        String cells(Node node);
    }

    private static String section(String id, String title, List<Node> nodes, Row row) {
        if (nodes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section id=\"" + id + "\"><h2>" + Html.text(title) + "</h2>\n"
                + "<table class=\"claims\"><tbody>\n");
        for (Node node : nodes) {
            out.append("<tr>").append(row.cells(node)).append("</tr>\n");
        }
        return out.append("</tbody></table></section>\n").toString();
    }

    /** A value as HTML: a link to a resource's page, a literal as text, a blank node as its statements. */
    String value(Node node) {
        if (node.isURI()) {
            return Html.link(publication.href(node), publication.label(node));
        }
        if (node.isLiteral()) {
            String lang = node.getLiteralLanguage();
            return "<span class=\"literal\">" + Html.text(node.getLiteralLexicalForm()) + "</span>"
                    + (lang.isEmpty() ? "" : "<sup class=\"lang\">" + Html.text(lang) + "</sup>");
        }
        if (node.isBlank()) {
            return "<ul class=\"bnode\">" + publication.union().find(node, Node.ANY, Node.ANY).toList().stream()
                    .sorted(Comparator.comparing(Triple::getPredicate, NodeCmp::compareRDFTerms)
                            .thenComparing(Triple::getObject, NodeCmp::compareRDFTerms))
                    .map(t -> "<li>" + value(t.getPredicate()) + ": " + value(t.getObject()) + "</li>")
                    .collect(Collectors.joining()) + "</ul>";
        }
        return Html.text(node.toString());
    }

    private String join(List<Node> nodes) {
        return nodes.stream().map(this::value).collect(Collectors.joining(", "));
    }

    private String when(Node node) {
        String date = publication.literal(node, DATE).orElse(null);
        String start = publication.literal(node, START_DATE).orElse(null);
        String end = publication.literal(node, END_DATE).orElse(null);
        if (date != null) {
            return date;
        }
        if (start != null || end != null) {
            return (start == null ? "" : start) + "–" + (end == null ? "" : end);
        }
        return publication.literal(node, TIME_DESCRIPTION).orElse("");
    }

    /** Dated first, by their earliest date (ISO dates of any precision sort as text), then by name. */
    private Comparator<Node> byDate() {
        return Comparator.comparing((Node n) -> sortDate(n).isEmpty())
                .thenComparing(this::sortDate)
                .thenComparing(publication::label);
    }

    private String sortDate(Node node) {
        return publication.literal(node, DATE).or(() -> publication.literal(node, START_DATE))
                .or(() -> publication.literal(node, END_DATE)).orElse("");
    }

    private boolean isEvent(Node node) {
        return publication.objects(node, RDF.type.asNode()).stream().anyMatch(eventClasses::contains);
    }

    private boolean hasType(Node node, Node type) {
        return publication.union().contains(node, RDF.type.asNode(), type);
    }

    /** Types less the generic ones every claim has, so an event reads "meeting", not "meeting, claim". */
    private List<Node> specificTypes(Node node) {
        List<Node> types = publication.objects(node, RDF.type.asNode());
        List<Node> specific = types.stream().filter(t -> !t.equals(Publication.srkg("Claim"))).toList();
        return specific.isEmpty() ? types : specific;
    }

    static Set<Node> subClassesOf(Publication publication, Node top) {
        Set<Node> classes = new LinkedHashSet<>(List.of(top));
        List<Node> todo = new ArrayList<>(List.of(top));
        while (!todo.isEmpty()) {
            Node next = todo.remove(todo.size() - 1);
            for (Node sub : publication.subjects(RDFS.subClassOf.asNode(), next)) {
                if (classes.add(sub)) {
                    todo.add(sub);
                }
            }
        }
        return classes;
    }

    static String formatAmount(String lexical) {
        try {
            DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
            return format.format(new BigDecimal(lexical));
        } catch (NumberFormatException e) {
            return lexical;
        }
    }
}
