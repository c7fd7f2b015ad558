package org.w3id.srkg.coverage;

import java.util.List;

import org.w3id.srkg.text.TextAnchor.Span;

/** A claim of an article, with where its evidence quotes are in the article text. */
public record Claim(String iri, String label, List<Span> evidence) {

    public Claim {
        evidence = List.copyOf(evidence);
    }
}
