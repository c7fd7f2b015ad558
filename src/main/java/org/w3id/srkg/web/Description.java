package org.w3id.srkg.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The RDF description of a resource, over all graphs: its outgoing statements (with the blank nodes they reach),
 * its incoming statements, and for every claim among them the claim's label, type, source article and verbatim
 * evidence, so that a client reading the Turtle of an entity sees what each statement rests on.
 */
final class Description {

    private static final Node DERIVED_FROM = Publication.uri(Publication.PROV + "wasDerivedFrom");
    private static final Node EVIDENCE = Publication.srkg("evidence");

    private Description() {
    }

    static Graph of(Publication publication, Node subject) {
        Graph out = GraphMemFactory.createDefaultGraph();
        Graph union = publication.union();
        withBlankNodes(union, subject, out);
        Set<Node> claims = new HashSet<>();
        if (Evidence.isClaim(publication, subject)) {
            claims.add(subject);
        }
        union.find(Node.ANY, Node.ANY, subject).forEachRemaining(t -> {
            out.add(t);
            if (Evidence.isClaim(publication, t.getSubject())) {
                claims.add(t.getSubject());
            }
        });
        for (Node claim : claims) {
            for (Node property : new Node[] {RDF.type.asNode(), RDFS.label.asNode(), EVIDENCE, DERIVED_FROM}) {
                union.find(claim, property, Node.ANY).forEachRemaining(out::add);
            }
            // Until the build states prov:wasDerivedFrom itself, the claim's graph says which article it is from.
            publication.dataset().find(Node.ANY, claim, Node.ANY, Node.ANY).forEachRemaining(q ->
                    publication.articleOf(q.getGraph()).ifPresent(a -> out.add(Triple.create(claim, DERIVED_FROM, a))));
        }
        return out;
    }

    /** The triples of a subject and, recursively, of the blank nodes among their objects. */
    static void withBlankNodes(Graph source, Node subject, Graph out) {
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(subject);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            source.find(node, Node.ANY, Node.ANY).forEachRemaining(t -> {
                out.add(t);
                if (t.getObject().isBlank() && seen.add(t.getObject())) {
                    todo.push(t.getObject());
                }
            });
        }
    }
}
