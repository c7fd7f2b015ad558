package org.w3id.srkg.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Materialises what the ontology entails about the data into its own graph {@link Namespaces#INFERRED_GRAPH},
 * so a query sees the entailments through the union default graph and can still leave them out by graph name.
 * <p>
 * The entailments are exactly these, read from the ontology graph and applied to the entities and article
 * graphs until nothing new follows: types up the {@code rdfs:subClassOf} hierarchy (into schema:, prov:, sem:,
 * foaf:, org: classes too), {@code rdfs:subPropertyOf}, {@code owl:inverseOf}, {@code owl:SymmetricProperty},
 * {@code owl:TransitiveProperty}, and {@code srkg:eventType} from each event class's {@code srkg:eventTypeConcept}.
 * {@code rdfs:domain} and {@code rdfs:range} are deliberately not applied: in this graph they document intent,
 * and typing every subject of {@code srkg:speaker} a quote or every value of {@code srkg:reportedBy} an actor
 * would invent types the curators never gave. The data graphs are read as one union, because that is what the
 * server's default graph shows; an entailment may therefore join statements of two articles.
 * <p>
 * Time never drops out of a closure: a relation that held for a period (Vladivostok "formerly part of" Manchuria,
 * until 1860) is curated as a srkg:Relation node with its interval, not as a triple of the transitive or symmetric
 * property, and no rule here reads relation nodes. So every entailed srkg:partOf, srkg:subEventOf or symmetric
 * triple follows from timeless statements alone and holds whenever they do; the check
 * {@code time-bounded-closure-violation.rq} keeps time-bounded statements out of the plain triples.
 * <p>
 * Why not Jena's reasoners ({@code GenericRuleReasoner} with {@code etc/rdfs*.rules} or {@code etc/owl-fb*.rules}):
 * their rule sets include domain and range (rdfs2, rdfs3) and axiomatic triples ({@code rdf:type rdfs:range
 * rdfs:Class}, every resource an {@code rdfs:Resource}), which would have to be edited out rule by rule; the
 * hybrid forward/backward engine answers some entailments only on demand, so "what is new" needs the full
 * closure listed and filtered; and the OWL rule sets are far slower on every build for entailments this graph
 * does not use. This forward chaining is a few rules over hash indexes, finishes in milliseconds and, working
 * on sets, gives the same result whatever the order of the input.
 */
public final class Inferencer {

    static final Node EVENT_TYPE = NodeFactory.createURI(Namespaces.ONTOLOGY + "eventType");
    static final Node EVENT_TYPE_CONCEPT = NodeFactory.createURI(Namespaces.ONTOLOGY + "eventTypeConcept");

    /** Graphs that are not instance data: inference neither reads nor writes them. */
    private static final Set<Node> NOT_DATA = Set.of(Namespaces.ONTOLOGY_GRAPH, Namespaces.SHAPES_GRAPH,
            Namespaces.METADATA_GRAPH, Namespaces.INFERRED_GRAPH);

    private final Map<Node, Set<Node>> superClasses;
    private final Map<Node, Set<Node>> superProperties;
    private final Map<Node, Set<Node>> inverses = new HashMap<>();
    private final Map<Node, Set<Node>> eventTypes = new HashMap<>();
    private final Set<Node> symmetric = new HashSet<>();
    private final Set<Node> transitive = new HashSet<>();

    private Inferencer(Graph ontology) {
        superClasses = ancestors(ontology, RDFS.subClassOf.asNode());
        superProperties = ancestors(ontology, RDFS.subPropertyOf.asNode());
        ontology.find(Node.ANY, OWL2.inverseOf.asNode(), Node.ANY).forEachRemaining(t -> {
            inverses.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject());
            inverses.computeIfAbsent(t.getObject(), k -> new HashSet<>()).add(t.getSubject());
        });
        ontology.find(Node.ANY, EVENT_TYPE_CONCEPT, Node.ANY).forEachRemaining(t ->
                eventTypes.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject()));
        ontology.find(Node.ANY, RDF.type.asNode(), OWL2.SymmetricProperty.asNode())
                .forEachRemaining(t -> symmetric.add(t.getSubject()));
        ontology.find(Node.ANY, RDF.type.asNode(), OWL2.TransitiveProperty.asNode())
                .forEachRemaining(t -> transitive.add(t.getSubject()));
    }

    /** Adds the entailments not asserted in any graph to the inferred graph; returns how many. */
    public static long materialise(DatasetGraph dataset) {
        Inferencer rules = new Inferencer(dataset.getGraph(Namespaces.ONTOLOGY_GRAPH));
        List<Graph> data = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(g -> {
            if (!NOT_DATA.contains(g)) {
                data.add(dataset.getGraph(g));
            }
        });
        // Only the transitive properties join two statements; every other rule reads one. So only their
        // statements are gathered (into one graph, as the union would show them), not a copy of all the data.
        Graph chains = GraphFactory.createGraphMem();
        rules.transitive.forEach(p -> data.forEach(g -> g.find(Node.ANY, p, Node.ANY).forEachRemaining(chains::add)));

        // Every statement is joined against the chains when it is taken, and the chains hold every asserted
        // statement from the start and every derived one as soon as it is derived: a pair meets when the later of
        // the two is taken, so each consequence is derived at least once, and the set stops it from being taken
        // twice.
        Set<Triple> derived = new HashSet<>();
        Deque<Triple> agenda = new ArrayDeque<>();
        Consumer<Triple> derive = t -> {
            if (derived.add(t)) {
                if (rules.transitive.contains(t.getPredicate())) {
                    chains.add(t);
                }
                agenda.push(t);
            }
        };
        for (Graph graph : data) {
            graph.find().forEachRemaining(asserted -> {
                rules.consequences(asserted, chains, derive);
                while (!agenda.isEmpty()) {
                    rules.consequences(agenda.pop(), chains, derive);
                }
            });
        }
        // What the data asserts somewhere is not an entailment to add; only the derivable properties are looked up.
        for (Node p : rules.derivable()) {
            for (Graph graph : data) {
                graph.find(Node.ANY, p, Node.ANY).forEachRemaining(derived::remove);
            }
        }
        long added = 0;
        for (Triple t : derived) {
            if (NOT_DATA.stream().noneMatch(g -> dataset.contains(g, t.getSubject(), t.getPredicate(),
                    t.getObject()))) {
                dataset.add(Namespaces.INFERRED_GRAPH, t.getSubject(), t.getPredicate(), t.getObject());
                added++;
            }
        }
        return added;
    }

    /** The properties a consequence can have. */
    private Set<Node> derivable() {
        Set<Node> properties = new HashSet<>(List.of(RDF.type.asNode(), EVENT_TYPE));
        superProperties.values().forEach(properties::addAll);
        inverses.values().forEach(properties::addAll);
        properties.addAll(symmetric);
        properties.addAll(transitive);
        return properties;
    }

    private void consequences(Triple t, Graph chains, Consumer<Triple> out) {
        Node s = t.getSubject();
        Node p = t.getPredicate();
        Node o = t.getObject();
        if (p.equals(RDF.type.asNode())) {
            superClasses.getOrDefault(o, Set.of()).forEach(c -> out.accept(Triple.create(s, p, c)));
            eventTypes.getOrDefault(o, Set.of()).forEach(k -> out.accept(Triple.create(s, EVENT_TYPE, k)));
        }
        superProperties.getOrDefault(p, Set.of()).forEach(q -> out.accept(Triple.create(s, q, o)));
        if (o.isLiteral()) {
            return;
        }
        inverses.getOrDefault(p, Set.of()).forEach(q -> out.accept(Triple.create(o, q, s)));
        if (symmetric.contains(p)) {
            out.accept(Triple.create(o, p, s));
        }
        if (transitive.contains(p)) {
            chains.find(o, p, Node.ANY).toList().forEach(next -> out.accept(Triple.create(s, p, next.getObject())));
            chains.find(Node.ANY, p, s).toList().forEach(prev -> out.accept(Triple.create(prev.getSubject(), p, o)));
        }
    }

    /** For each node, every node reachable from it over {@code link}, itself excluded unless on a cycle. */
    private static Map<Node, Set<Node>> ancestors(Graph graph, Node link) {
        Map<Node, Set<Node>> result = new HashMap<>();
        graph.find(Node.ANY, link, Node.ANY).forEachRemaining(t -> result.computeIfAbsent(t.getSubject(), start -> {
            Set<Node> reached = new HashSet<>();
            Deque<Node> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                graph.find(todo.pop(), link, Node.ANY).forEachRemaining(up -> {
                    if (up.getObject().isURI() && reached.add(up.getObject())) {
                        todo.push(up.getObject());
                    }
                });
            }
            return reached;
        }));
        return result;
    }
}
