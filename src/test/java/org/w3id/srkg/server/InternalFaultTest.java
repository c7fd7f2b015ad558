package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.lang.SPARQLParser;
import org.apache.jena.sparql.lang.SPARQLParserFactory;
import org.apache.jena.sparql.lang.SPARQLParserRegistry;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase0;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.Http;

/**
 * A fault of the server itself (a class that cannot be loaded, as when the jar changed under a running JVM, or any
 * exception nobody expected) is a 500, never a 400 that blames the query nor a 200 with a wrong body. The faults
 * are thrown by functions registered under http: IRIs (srkg refuses java: IRIs), which ARQ calls during evaluation.
 */
class InternalFaultTest {

    private static final String FN = "http://example.org/srkg-test/";
    private static FusekiServer server;
    private static Http http;

    /** What a class missing from a jar replaced under the JVM looks like. */
    public static final class MissingClass extends FunctionBase0 {
        @Override
        public NodeValue exec() {
            throw new NoClassDefFoundError("org/apache/jena/sparql/SomethingGone");
        }
    }

    public static final class Unexpected extends FunctionBase0 {
        @Override
        public NodeValue exec() {
            throw new IllegalStateException("a bug, not the query's fault");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        FunctionRegistry.get().put(FN + "missingClass", MissingClass.class);
        FunctionRegistry.get().put(FN + "unexpected", Unexpected.class);
        server = SparqlServer.start(Pipeline.build(Fixtures.root("good")), "127.0.0.1", 0);
        http = new Http(server.getPort());
    }

    @AfterAll
    static void stop() {
        server.stop();
        FunctionRegistry.get().remove(FN + "missingClass");
        FunctionRegistry.get().remove(FN + "unexpected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"missingClass", "unexpected"})
    void aFaultDuringEvaluationIsA500(String function) {
        for (String accept : new String[] {"application/sparql-results+json", "text/csv"}) {
            HttpResponse<String> select = http.query("/sparql", "SELECT ?x { BIND(<" + FN + function + ">() AS ?x) }",
                    accept);
            assertEquals(500, select.statusCode(), select.body());
        }
        HttpResponse<String> construct = http.query("/sparql",
                "CONSTRUCT { ?s ?p ?x } { ?s ?p ?o BIND(<" + FN + function + ">() AS ?x) }", "text/turtle");
        assertEquals(500, construct.statusCode(), construct.body());
    }

    @Test
    void aClassMissingWhileParsingIsA500AndASyntaxErrorStillA400() {
        SPARQLParserFactory arq = SPARQLParserRegistry.get().getFactory(Syntax.syntaxARQ);
        // ARQ's parser reports any Error it meets as a QueryParseException caused by it; so does this one, for
        // queries carrying the mark, and it is ARQ's own parser for all others.
        SPARQLParserRegistry.get().add(Syntax.syntaxARQ, new SPARQLParserFactory() {
            @Override
            public boolean accept(Syntax syntax) {
                return arq.accept(syntax);
            }

            @Override
            public SPARQLParser create(Syntax syntax) {
                SPARQLParser real = arq.create(syntax);
                return new SPARQLParser() {
                    @Override
                    protected Query parse$(Query query, String queryString) {
                        if (queryString.contains("#missing-class")) {
                            Error missing = new NoClassDefFoundError("org/apache/jena/sparql/lang/SomethingGone");
                            throw new QueryParseException(missing.getMessage(), missing, -1, -1);
                        }
                        return real.parse(query, queryString);
                    }
                };
            }
        });
        try {
            HttpResponse<String> missing = http.query("/sparql", "SELECT * { ?s ?p ?o } #missing-class", "text/csv");
            assertEquals(500, missing.statusCode(), missing.body());
            HttpResponse<String> syntax = http.query("/sparql", "SELECT * { ?s ?p ?o ", "text/csv");
            assertEquals(400, syntax.statusCode(), syntax.body());
            HttpResponse<String> lexical = http.query("/sparql", "SELECT * { ?s ?p ?o } \u0001 §", "text/csv");
            assertEquals(400, lexical.statusCode(), lexical.body());
        } finally {
            SPARQLParserRegistry.get().add(Syntax.syntaxARQ, arq);
        }
    }
}
