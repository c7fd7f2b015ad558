package org.w3id.srkg.coverage;

import java.util.List;

/** A claim of an article, with its evidence quotes. */
public record Claim(String iri, String label, List<String> evidence) {

    public Claim {
        evidence = List.copyOf(evidence);
    }
}
