package org.w3id.srkg.coverage;

import java.util.List;

import org.w3id.srkg.text.TextAnchor.Span;

/**
 * A declared passage of an article: {@link Status#EXCLUDED} for an srkg:ExcludedPassage,
 * {@link Status#DECLARED} for an srkg:NoClaimPassage; {@code passages} are where its srkg:passage quotes are.
 */
public record Declaration(String iri, Status kind, List<Span> passages, String reason) {

    public Declaration {
        if (kind != Status.EXCLUDED && kind != Status.DECLARED) {
            throw new IllegalArgumentException("a declaration excludes or declares, not " + kind);
        }
        passages = List.copyOf(passages);
    }
}
