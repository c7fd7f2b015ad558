package org.w3id.srkg.pipeline;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.srkg.pipeline.SeedFile.Role;

/**
 * Stamps what curators do not write by hand: every claim (a subject of srkg:evidence) is a srkg:Claim derived
 * from its article, and every article is derived from its archived text file, whose format and SHA-256 it
 * carries so that the evidence offsets can be trusted to refer to exactly that text.
 */
public final class ClaimProvenance {

    private static final Pattern ARTICLE = Pattern.compile(Pattern.quote(Namespaces.ARTICLE) + "(\\d{3})");
    private static final Node EVIDENCE = NodeFactory.createURI(Namespaces.ONTOLOGY + "evidence");
    private static final Node CLAIM = NodeFactory.createURI(Namespaces.ONTOLOGY + "Claim");
    private static final Node SHA256 = NodeFactory.createURI(Namespaces.ONTOLOGY + "sha256");
    private static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node ENTITY = NodeFactory.createURI("http://www.w3.org/ns/prov#Entity");

    private ClaimProvenance() {
    }

    public static ParsedSeeds stamp(Path root, ParsedSeeds seeds) throws PipelineException {
        List<Problem> problems = new ArrayList<>();
        ParsedSeeds result = seeds;
        for (String number : articles(seeds)) {
            Graph stamps = GraphFactory.createDefaultGraph();
            Node article = NodeFactory.createURI(Namespaces.ARTICLE + number);
            seeds.files(Role.CLAIMS).stream().filter(f -> f.article().equals(number)).forEach(file ->
                    seeds.graphs().get(file).find(Node.ANY, EVIDENCE, Node.ANY).mapWith(t -> t.getSubject())
                            .toSet().forEach(claim -> {
                                stamps.add(claim, RDF.type.asNode(), CLAIM);
                                stamps.add(claim, DERIVED_FROM, article);
                            }));
            try {
                ArticleText text = ArticleText.read(root, number);
                Node file = NodeFactory.createURI(Namespaces.FILE + text.relative());
                stamps.add(article, DERIVED_FROM, file);
                stamps.add(article, DCTerms.source.asNode(), file);
                stamps.add(article, DCTerms.format.asNode(), NodeFactory.createLiteralString("text/plain"));
                stamps.add(article, SHA256, NodeFactory.createLiteralString(text.sha256()));
                stamps.add(file, RDF.type.asNode(), ENTITY);
            } catch (NoSuchFileException e) {
                problems.add(Problem.inFile(ArticleText.relativePath(number),
                        "missing: the text of article <" + article.getURI() + ">"));
            } catch (IOException e) {
                problems.add(Problem.inFile(ArticleText.relativePath(number), "cannot read: " + e.getMessage()));
            }
            result = result.withDerived(number, stamps);
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(problems);
        }
        return result;
    }

    /** Articles described in seeds/articles.ttl or having a claims file. */
    private static Set<String> articles(ParsedSeeds seeds) {
        Set<String> numbers = new TreeSet<>();
        seeds.files(Role.CLAIMS).forEach(f -> numbers.add(f.article()));
        seeds.merge(Role.ARTICLES).find().forEachRemaining(t -> {
            Matcher m = t.getSubject().isURI() ? ARTICLE.matcher(t.getSubject().getURI()) : null;
            if (m != null && m.matches()) {
                numbers.add(m.group(1));
            }
        });
        return numbers;
    }
}
