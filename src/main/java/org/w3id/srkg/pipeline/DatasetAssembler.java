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

/** Puts the parsed seeds into their named graphs. */
public final class DatasetAssembler {

    private static final Pattern ARTICLE = Pattern.compile(Pattern.quote(Namespaces.ARTICLE) + "(\\d{3})");

    private DatasetAssembler() {
    }

    public static DatasetGraph assemble(ParsedSeeds seeds) throws PipelineException {
        DatasetGraph dataset = new InMemoryDataset();
        dataset.begin(TxnType.WRITE);
        try {
            fill(dataset, seeds);
            dataset.commit();
        } finally {
            dataset.end();
        }
        return dataset;
    }

    private static void fill(DatasetGraph dataset, ParsedSeeds seeds) throws PipelineException {
        addAll(dataset, Namespaces.ONTOLOGY_GRAPH, seeds, Role.ONTOLOGY);
        addAll(dataset, Namespaces.SHAPES_GRAPH, seeds, Role.SHAPES);
        addAll(dataset, Namespaces.ENTITIES_GRAPH, seeds, Role.ENTITIES);
        addAll(dataset, Namespaces.EXAMPLES_GRAPH, seeds, Role.EXAMPLES);
        for (SeedFile file : seeds.files(Role.ARTICLES)) {
            splitByArticle(dataset, file, seeds.graphs().get(file));
        }
        for (SeedFile file : seeds.files(Role.CLAIMS)) {
            addAll(dataset, Namespaces.articleGraph(file.article()), seeds.graphs().get(file));
        }
        seeds.derived().forEach((article, graph) -> addAll(dataset, Namespaces.articleGraph(article), graph));
    }

    /** Each file's triples straight into the graph: merging the files first would copy every triple twice. */
    private static void addAll(DatasetGraph dataset, Node graphName, ParsedSeeds seeds, Role role) {
        seeds.files(role).forEach(file -> addAll(dataset, graphName, seeds.graphs().get(file)));
    }

    private static void addAll(DatasetGraph dataset, Node graphName, Graph graph) {
        graph.find().forEachRemaining(t -> dataset.add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
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
