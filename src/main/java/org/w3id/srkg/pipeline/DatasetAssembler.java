package org.w3id.srkg.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.srkg.dataset.InMemoryDataset;
import org.w3id.srkg.pipeline.SeedFile.Role;

/**
 * Puts the parsed seeds into their named graphs. The seeds' graphs are taken over, not copied: a named graph
 * fed by one seed file is that file's parsed graph, and what else belongs in it (an article's description, the
 * triples the pipeline derived) is added to it. Do not read the seeds' graphs after assembling them.
 */
public final class DatasetAssembler {

    private static final Pattern ARTICLE = Pattern.compile(Pattern.quote(Namespaces.ARTICLE) + "(\\d{3})");

    private DatasetAssembler() {
    }

    public static DatasetGraph assemble(ParsedSeeds seeds) throws PipelineException {
        InMemoryDataset dataset = new InMemoryDataset();
        dataset.begin(TxnType.WRITE);
        try {
            fill(dataset, seeds);
            dataset.commit();
        } finally {
            dataset.end();
        }
        return dataset;
    }

    private static void fill(InMemoryDataset dataset, ParsedSeeds seeds) throws PipelineException {
        addAll(dataset, Namespaces.ONTOLOGY_GRAPH, seeds, Role.ONTOLOGY);
        addAll(dataset, Namespaces.SHAPES_GRAPH, seeds, Role.SHAPES);
        addAll(dataset, Namespaces.ENTITIES_GRAPH, seeds, Role.ENTITIES);
        addAll(dataset, Namespaces.EXAMPLES_GRAPH, seeds, Role.EXAMPLES);
        // Claims before the article descriptions: the claims file is the bulk of an article's graph, so it is the
        // one taken over.
        for (SeedFile file : seeds.files(Role.CLAIMS)) {
            addAll(dataset, Namespaces.articleGraph(file.article()), seeds.graphs().get(file));
        }
        for (SeedFile file : seeds.files(Role.ARTICLES)) {
            splitByArticle(dataset, file, seeds.graphs().get(file));
        }
        seeds.derived().forEach((article, graphs) ->
                graphs.forEach(graph -> addAll(dataset, Namespaces.articleGraph(article), graph)));
    }

    private static void addAll(InMemoryDataset dataset, Node graphName, ParsedSeeds seeds, Role role) {
        seeds.files(role).forEach(file -> addAll(dataset, graphName, seeds.graphs().get(file)));
    }

    /** The first graph given a name becomes that named graph; later ones are added to it. */
    private static void addAll(InMemoryDataset dataset, Node graphName, Graph graph) {
        if (!dataset.containsGraph(graphName)) {
            dataset.adoptGraph(graphName, graph);
            return;
        }
        Graph target = dataset.getGraph(graphName);
        graph.find().forEachRemaining(target::add);
    }

    /** Each article's description, with the blank nodes it reaches, goes into that article's graph. */
    private static void splitByArticle(DatasetGraph dataset, SeedFile file, Graph graph) throws PipelineException {
        Set<Triple> placed = new HashSet<>();
        graph.find().forEachRemaining(t -> {
            Matcher article = t.getSubject().isURI() ? ARTICLE.matcher(t.getSubject().getURI()) : null;
            if (article != null && article.matches()) {
                Node graphName = Namespaces.articleGraph(article.group(1));
                reachable(graph, t).forEach(r -> {
                    placed.add(r);
                    dataset.add(graphName, r.getSubject(), r.getPredicate(), r.getObject());
                });
            }
        });
        List<Problem> problems = new ArrayList<>();
        graph.find().filterDrop(placed::contains).forEachRemaining(t -> problems.add(Problem.inFile(file.relative(),
                "triple " + t + " is not about an article <" + Namespaces.ARTICLE + "NNN> (nor a blank node"
                        + " reached from one), so its named graph is unknown")));
        if (!problems.isEmpty()) {
            throw new PipelineException(problems);
        }
    }

    private static List<Triple> reachable(Graph graph, Triple start) {
        List<Triple> result = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Deque<Triple> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Triple t = todo.pop();
            result.add(t);
            Node object = t.getObject();
            if (object.isBlank() && seen.add(object)) {
                graph.find(object, Node.ANY, Node.ANY).forEachRemaining(todo::push);
            }
        }
        return result;
    }
}
