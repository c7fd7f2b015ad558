package org.w3id.srkg.web;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The web face of the server: every srkg IRI answers to a person and to a machine. Registered on a Fuseki
 * builder beside the SPARQL services, which it does not change: its servlets take paths Fuseki leaves free. The
 * service description at the query endpoints is the server's (server/ServiceDescription), not a page of this site.
 *
 * <pre>
 *   /, /query            query page (examples: those the dataset serves, then the competency questions)
 *   /id/…, /graph/…      descriptions of entities, articles, claims and graphs, by content negotiation
 *   /ontology            ontology documentation and RDF
 *   /.well-known/void    dataset metadata
 *   /downloads           the dumps
 *   /assets/…            stylesheet, script, CodeMirror
 * </pre>
 */
public final class LinkedDataSite {

    private LinkedDataSite() {
    }

    /**
     * @param dataset    the built dataset with its named graphs (not the union view), read only
     * @param publicBase the namespace this server answers for: request path {@code /id/x} is {@code <publicBase>id/x}
     */
    public static FusekiServer.Builder addTo(FusekiServer.Builder builder, DatasetGraph dataset, String publicBase) {
        Publication publication = new Publication(dataset, publicBase);
        QueryPage query = new QueryPage(publication, ExampleQueries.load(dataset), AssetServlet.CODEMIRROR);
        LinkedDataServlet descriptions = new LinkedDataServlet(publication);
        OntologyPage ontology = new OntologyPage(publication);
        DownloadsPage downloads = new DownloadsPage(dataset);
        builder.addServlet("", query)
                .addServlet(QueryPage.PATH, query)
                .addServlet("/id/*", descriptions)
                .addServlet("/graph/*", descriptions)
                .addServlet("/ontology", ontology)
                .addServlet("/ontology/*", ontology)
                .addServlet(VoidServlet.PATH, new VoidServlet(publication))
                .addServlet(DownloadsPage.PATH, downloads)
                .addServlet(DownloadsPage.PATH + "/*", downloads)
                .addServlet(AssetServlet.PATH + "/*", new AssetServlet());
        ReadTransactionFilter transaction = new ReadTransactionFilter(dataset);
        for (String path : new String[] {"", QueryPage.PATH, "/id/*", "/graph/*", "/ontology", "/ontology/*",
                VoidServlet.PATH, DownloadsPage.PATH, DownloadsPage.PATH + "/*"}) {
            builder.addFilter(path, transaction);
        }
        return builder;
    }
}
