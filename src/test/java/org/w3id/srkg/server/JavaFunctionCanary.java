package org.w3id.srkg.server;

import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase0;

/**
 * A function class that records being loaded: {@code <java:org.w3id.srkg.server.JavaFunctionCanary>()} in a query
 * makes ARQ load it unless something stops that. The mark is a system property so that checking it does not load
 * the class.
 */
public final class JavaFunctionCanary extends FunctionBase0 {

    static final String LOADED = "srkg.test.javaFunctionCanary";

    static {
        System.setProperty(LOADED, "loaded");
    }

    @Override
    public NodeValue exec() {
        return NodeValue.makeString("the canary ran");
    }
}
