package org.w3id.srkg.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.web.HttpSC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Fuseki's SPARQL query service with srkg's limits.
 * <ul>
 * <li>Every result is computed, up to the row cap plus one, before the first byte is sent. Fuseki streams results
 * and, when the timeout strikes mid-stream, can only append a comment to a response already sent as 200; computing
 * first means a timeout is always a clean 503, and the cap can be announced in a header, which must precede the
 * body. The memory this holds is bounded by the cap.</li>
 * <li>A result longer than the cap is cut to it and the response carries {@value #TRUNCATED_HEADER}.</li>
 * <li>A failed SERVICE call answers with its own status (502, 504, or 422 for this server's limits), see
 * {@link ServiceCallExecutor}.</li>
 * <li>A {@code java:} IRI used as a function or predicate is refused with 400: ARQ would load and instantiate
 * the class it names.</li>
 * <li>A query nested deeper than {@value #MAX_NESTING} brackets is a 400 before it is parsed: ARQ's parser,
 * optimizer and evaluator all recurse on nesting, so a few thousand levels cost seconds of work outside the timeout's
 * reach, or overflow the stack (Fuseki's 500). No honest query comes near the limit; a stack overflow that still
 * happens is a 400 too.</li>
 * <li>A fault of the server's own (a class that cannot be loaded, an unexpected exception) is a 500 and a log line,
 * also when it happens in ARQ's parser, which reports everything as a parse error (see {@link #parserFault}).</li>
 * <li>A query filling the heap is stopped with 503, see {@link QueryHeapGuard}.</li>
 * <li>A query whose client went away is aborted, see {@link ClientGoneWatch}.</li>
 * <li>A client's {@code timeout} may be fractional ({@link ClientTimeout}); one that is no number of seconds is a
 * 400.</li>
 * <li>Error messages are sent as ASCII, see {@link #asciiMessage}.</li>
 * </ul>
 */
final class LimitedQueryService extends SPARQL_QueryDataset {

    /** Present, with the cap as its value, when a result was cut. */
    static final String TRUNCATED_HEADER = "SRKG-Result-Truncated";

    static final int MAX_NESTING = 200;

    static final int MAX_TRIPLE_PATTERNS = 2_000;
    /** A shorter query cannot hold enough patterns to matter, and is not parsed a second time to count them. */
    private static final int COUNT_PATTERNS_ABOVE_CHARS = 2_000;

    /** The base Fuseki parses queries with (SPARQLQueryProcessor.execute). */
    private static final String FUSEKI_PARSE_BASE = "http://server/unset-base/";
    private static final Logger LOG = LoggerFactory.getLogger(LimitedQueryService.class);
    private static final String TIMEOUT_PARAMETER = "timeout";

    private final int maxRows;

    LimitedQueryService(int maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    public void validate(HttpAction action) {
        try {
            super.validate(action);
            String timeout = action.getRequestParameter(TIMEOUT_PARAMETER);
            if (timeout != null) {
                try {
                    ClientTimeout.millis(timeout);
                } catch (IllegalArgumentException e) {
                    ServletOps.errorBadRequest(e.getMessage());
                }
            }
        } catch (ActionErrorException e) {
            throw asciiMessage(e);
        }
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        try {
            if (nesting(queryString) > MAX_NESTING) {
                ServletOps.errorBadRequest("Query nested more than " + MAX_NESTING + " brackets deep");
            }
            if (queryString.length() > COUNT_PATTERNS_ABOVE_CHARS && triplePatterns(queryString) > MAX_TRIPLE_PATTERNS) {
                ServletOps.errorBadRequest("Query has more than " + MAX_TRIPLE_PATTERNS + " triple patterns"
                        + " (an RDF collection of n items is 2n of them)");
            }
            try {
                super.execute(queryString, action);
            } catch (StackOverflowError e) {
                ServletOps.errorBadRequest("Query nested too deeply");
            }
        } catch (ActionErrorException e) {
            if (e.getRC() == HttpServletResponse.SC_BAD_REQUEST && parserFault(queryString)) {
                ServletOps.errorOccurred("Internal error");
            }
            throw asciiMessage(e);
        }
    }

    /**
     * Triple patterns in the query's WHERE clauses and CONSTRUCT template; -1 when it does not parse (Fuseki then
     * answers with the parser's message). Fuseki formats every query for its log before the timeout starts, and
     * that formatting, like ARQ's reordering of a basic pattern, costs time quadratic in a pattern's length: a
     * 20,000-item collection kept a thread busy for minutes. No honest query comes near the limit.
     */
    static int triplePatterns(String queryString) {
        Query query;
        try {
            query = QueryFactory.create(queryString, FUSEKI_PARSE_BASE, Syntax.syntaxARQ);
        } catch (RuntimeException e) {
            return -1;
        }
        int[] count = {query.isConstructType() ? query.getConstructTemplate().getTriples().size() : 0};
        if (query.getQueryPattern() != null) {
            ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementPathBlock block) {
                    count[0] += block.getPattern().size();
                }

                @Override
                public void visit(ElementTriplesBlock block) {
                    count[0] += block.getPattern().size();
                }
            });
        }
        return count[0];
    }

    /**
     * ARQ's parser turns whatever it catches into a {@link QueryParseException}, an Error included, and Fuseki answers
     * every QueryParseException with 400 "Parse error": a class missing from a jar replaced under the running JVM
     * came out as {@code 400 Parse error: org/apache/jena/...}. Only on that path (a 400), the query is parsed again
     * to see why; a failure that is not the query's is logged and becomes a 500.
     */
    private static boolean parserFault(String queryString) {
        try {
            QueryFactory.create(queryString, FUSEKI_PARSE_BASE, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            if (notTheQuerysFault(e.getCause())) {
                LOG.error("internal error parsing a query", e);
                return true;
            }
        } catch (RuntimeException e) {
            // Any other refusal by ARQ (a QueryBuildException for a duplicate projected variable) is the query's.
        }
        return false;
    }

    /**
     * Why ARQ's parser failed, when it was not the query: a class that cannot be loaded, memory running out. A
     * syntax error (javacc's ParseException or TokenMgrError), a semantic one (ARQ's own exceptions, and the
     * runtime exceptions its checks throw: a duplicate projected variable is one) and a stack overflow (the query
     * nests too deeply) are the query's.
     */
    static boolean notTheQuerysFault(Throwable cause) {
        return cause instanceof LinkageError
                || cause instanceof VirtualMachineError && !(cause instanceof StackOverflowError);
    }

    /**
     * Fuseki sends an error message with a Content-Length counted in characters but writes it in UTF-8 bytes; a
     * message quoting a non-ASCII character of the query (a parse error does) overflows it and the client gets a
     * 500 instead of the 400. Escaping the message as {@code \\uXXXX} keeps characters and bytes equal.
     */
    static ActionErrorException asciiMessage(ActionErrorException e) {
        String message = e.getMessage();
        if (message == null || message.chars().allMatch(c -> c < 0x80)) {
            return e;
        }
        StringBuilder ascii = new StringBuilder(message.length() + 16);
        message.chars().forEach(c -> ascii.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return new ActionErrorException(e.getRC(), ascii.toString(), e.getCause());
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        String javaIri = findJavaIri(query);
        if (javaIri != null) {
            ServletOps.errorBadRequest("java: IRIs are not allowed as functions or predicates: <" + javaIri + ">");
        }
    }

    /**
     * With a {@code timeout} parameter, the execution is built here, as Fuseki builds it, but with the client's
     * timeout read by {@link ClientTimeout} (Fuseki ignores fractions); like Fuseki, the lower of the client's and the
     * server's timeout applies.
     */
    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        String timeout = action.getRequestParameter(TIMEOUT_PARAMETER);
        if (timeout == null) {
            return super.createQueryExec(action, query, dataset);
        }
        Pair<Long, Long> client = ClientTimeout.millis(timeout);
        String serverTimeout = action.getContext().getAsString(ARQ.queryTimeout);
        Pair<Long, Long> server = serverTimeout == null ? Pair.create(-1L, -1L)
                : Timeouts.parseTimeoutStr(serverTimeout, TimeUnit.MILLISECONDS);
        QueryExecDatasetBuilder builder = QueryExec.newBuilder().dataset(dataset).query(query)
                .context(action.getContext());
        long initial = lower(client.getLeft(), server.getLeft());
        long overall = lower(client.getRight(), server.getRight());
        if (initial > 0) {
            builder.initialTimeout(initial, TimeUnit.MILLISECONDS);
        }
        if (overall > 0) {
            builder.overallTimeout(overall, TimeUnit.MILLISECONDS);
        }
        return builder.build();
    }

    /** The client's timeout where it is set and lower than the server's (-1: none). */
    private static long lower(long client, long server) {
        if (client < 0) {
            return server;
        }
        return server > 0 ? Math.min(client, server) : client;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        ServiceCallsOfQuery calls = ServiceCallsOfQuery.attach(exec.getContext());
        try {
            return ClientGoneWatch.shared().run(action.getRequest(), exec,
                    () -> QueryHeapGuard.shared().run(exec, () -> compute(action, exec, query, queryStringLog)));
        } catch (QueryDeniedException e) {
            // Fuseki's own 422 for it writes the message as UTF-8 under a length counted in characters.
            ServletOps.error(HttpSC.UNPROCESSABLE_ENTITY_422, e.getMessage());
            return null;
        } catch (RuntimeException e) {
            ServiceCallException call = calls.failure();
            if (call == null) {
                call = ServiceCallException.find(e);
            }
            if (call == null) {
                throw e;
            }
            ServletOps.error(call.status(), call.getMessage());
            return null;
        }
    }

    private QueryExecResult compute(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        if (query.isSelectType()) {
            RowSet rows = exec.select();
            List<Binding> kept = take(rows, action);
            return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
        }
        if (query.isConstructType()) {
            DatasetGraph dataset = DatasetGraphFactory.create();
            take(exec.constructQuads(), action).forEach(dataset::add);
            return new QueryExecResult(dataset);
        }
        if (query.isDescribeType()) {
            Graph graph = GraphFactory.createDefaultGraph();
            take(exec.describeTriples(), action).forEach(graph::add);
            return new QueryExecResult(graph);
        }
        if (query.isJsonType()) {
            List<JsonObject> items = take(exec.execJsonItems(), action);
            return new QueryExecResult(items.iterator());
        }
        return super.executeQuery(action, exec, query, queryStringLog);
    }

    /** The deepest nesting of braces and parentheses outside strings and comments. */
    static int nesting(String query) {
        int depth = 0;
        int deepest = 0;
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (c == '#') {
                while (i < n && query.charAt(i) != '\n' && query.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                String quote = String.valueOf(c).repeat(query.startsWith(String.valueOf(c).repeat(3), i) ? 3 : 1);
                i += quote.length();
                while (i < n && !query.startsWith(quote, i)) {
                    i += query.charAt(i) == '\\' ? 2 : 1;
                }
                i += quote.length() - 1;
            } else if (c == '{' || c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ')') {
                depth = Math.max(0, depth - 1);
            }
            i++;
        }
        return deepest;
    }

    private <T> List<T> take(Iterator<T> results, HttpAction action) {
        List<T> kept = new ArrayList<>();
        while (kept.size() < maxRows && results.hasNext()) {
            kept.add(results.next());
        }
        if (results.hasNext()) {
            action.setResponseHeader(TRUNCATED_HEADER, Integer.toString(maxRows));
        }
        return kept;
    }

    /** The first {@code java:} IRI the query calls as a function or uses as a (property function) predicate. */
    static String findJavaIri(Query query) {
        JavaIriFinder finder = new JavaIriFinder();
        Walker.walk(Algebra.compile(query), finder, finder.expressions);
        return finder.found;
    }

    private static final class JavaIriFinder extends OpVisitorBase {
        String found;

        final ExprVisitorBase expressions = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function call) {
                    check(call.getFunctionIRI());
                }
            }
        };

        // Jena's walker does not visit sort conditions (ORDER BY, and ORDER BY with LIMIT).
        @Override
        public void visit(OpOrder order) {
            order.getConditions().forEach(c -> Walker.walk(c.getExpression(), this, expressions));
        }

        @Override
        public void visit(OpTopN top) {
            top.getConditions().forEach(c -> Walker.walk(c.getExpression(), this, expressions));
        }

        @Override
        public void visit(OpBGP bgp) {
            bgp.getPattern().forEach(this::check);
        }

        @Override
        public void visit(OpTriple triple) {
            check(triple.getTriple());
        }

        @Override
        public void visit(OpQuadPattern quads) {
            quads.getPattern().forEach(q -> check(q.asTriple()));
        }

        private void check(Triple triple) {
            Node predicate = triple.getPredicate();
            if (predicate.isURI()) {
                check(predicate.getURI());
            }
        }

        private void check(String iri) {
            if (found == null && iri != null && iri.startsWith(ARQConstants.javaClassURIScheme)) {
                found = iri;
            }
        }
    }
}
