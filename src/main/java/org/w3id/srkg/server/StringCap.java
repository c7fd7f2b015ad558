package org.w3id.srkg.server;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * The longest string a function may make. Without a cap, a short query of nested doubling {@code CONCAT}s, or a
 * {@code REPLACE} whose replacement repeats its input, asks for gigabytes: the heap fills, and the
 * {@code OutOfMemoryError} strikes whichever request allocates next, not only the guilty one.
 * <p>
 * A query that goes over fails alone with 422 and {@value #MESSAGE_START} (Jena's answer to a query refused for
 * what it asks, as for a denied SERVICE): the query is well-formed but asks for more than the server gives, and
 * unlike the 503 of a timeout, sending it again cannot help.
 */
final class StringCap {

    /**
     * 1 Mi characters: the size of the largest request body ({@link QueryLimits#DEFAULT_MAX_REQUEST_BYTES}), so a
     * function may make a string as long as any query could spell out, while srkg's literals are a few hundred
     * characters at most. Some functions multiply a string by a constant in one step, before their result can be
     * checked ({@code ENCODE_FOR_URI} by up to 9, {@code UCASE} by up to 3): from a string at the cap that is at
     * most some 18 MB, which a server survives even for several queries at once; a 16 Mi cap would not be.
     */
    static final int MAX_CHARS = 1 << 20;

    static final String MESSAGE_START = "string result longer than";

    private StringCap() {
    }

    static QueryDeniedException exceeded() {
        return new QueryDeniedException(MESSAGE_START + " " + MAX_CHARS + " characters");
    }

    /** Fails the query if {@code length} is over the cap. */
    static void check(long length) {
        if (length > MAX_CHARS) {
            throw exceeded();
        }
    }

    /** {@code value}, unless it is a literal whose lexical form is over the cap. */
    static NodeValue check(NodeValue value) {
        Node node = value.asNode();
        if (node.isLiteral()) {
            check(node.getLiteralLexicalForm().length());
        }
        return value;
    }

    /** A string built within the cap: an append that would pass it fails before it allocates. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();

        void append(CharSequence source, int start, int end) {
            check((long) text.length() + (end - start));
            text.append(source, start, end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
