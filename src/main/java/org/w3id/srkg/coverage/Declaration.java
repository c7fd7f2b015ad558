package org.w3id.srkg.coverage;

import java.util.List;

/**
 * A declared passage of an article: {@link Status#EXCLUDED} for an srkg:ExcludedPassage,
 * {@link Status#DECLARED} for an srkg:NoClaimPassage.
 */
public record Declaration(String iri, Status kind, List<String> passages, String reason) {

    public Declaration {
        if (kind != Status.EXCLUDED && kind != Status.DECLARED) {
            throw new IllegalArgumentException("a declaration excludes or declares, not " + kind);
        }
        passages = List.copyOf(passages);
    }
}
