package org.w3id.srkg.coverage;

import java.util.Locale;

/**
 * What covers a sentence. When several apply, the first in this order wins (the report still lists every
 * claim and declaration that touches the sentence): a claim resting on a sentence matters more than a
 * declaration that it carries none, and a repetition is only a fallback for sentences nothing else covers.
 */
public enum Status {
    /** A claim's srkg:evidence quote overlaps the sentence by at least one letter or digit. */
    CITED("a claim's evidence quote overlaps the sentence by at least one letter or digit"),
    /** An srkg:ExcludedPassage covers every word of the sentence: not article content. */
    EXCLUDED("inside a declared srkg:ExcludedPassage: not article content (site boilerplate, teasers)"),
    /** An srkg:NoClaimPassage covers every word of the sentence: content the curators say states nothing. */
    DECLARED("inside a declared srkg:NoClaimPassage: the curators say it carries no claim, and why"),
    /** The same words (white space aside) already occurred earlier in the text; see that sentence. */
    REPEATED("the text repeats an earlier sentence word for word; the earlier one carries the claims"),
    /** Nothing covers the sentence: in a curated article, a fact may have been missed. */
    UNCITED("nothing covers it: in a curated article, a fact may have been missed");

    private final String meaning;

    Status(String meaning) {
        this.meaning = meaning;
    }

    /** One line for readers of the report. */
    public String meaning() {
        return meaning;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
