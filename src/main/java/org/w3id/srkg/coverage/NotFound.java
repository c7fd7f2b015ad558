package org.w3id.srkg.coverage;

/** A quote of a claim (srkg:evidence) or declaration (srkg:passage) that does not occur in the article text. */
public record NotFound(String iri, String property, String quote) {
}
