package org.w3id.srkg.web;

import java.io.IOException;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Runs each page request in one read transaction of the served dataset: a TDB2 database can be read in no other
 * way, and a reloadable dataset then shows the whole page from one version of the graph, never a mix.
 */
final class ReadTransactionFilter implements Filter {

    private final DatasetGraph dataset;

    ReadTransactionFilter(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            Txn.executeRead(dataset, () -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new PageFailure(e);
                }
            });
        } catch (PageFailure failure) {
            if (failure.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failure.getCause();
        }
    }

    /** Carries a checked exception of the chain out of the transaction's lambda. */
    private static final class PageFailure extends RuntimeException {
        PageFailure(Exception cause) {
            super(cause);
        }
    }
}
