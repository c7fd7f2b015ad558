package org.w3id.srkg.coverage;

import java.util.List;

/**
 * Two claims of different articles linked by {@code srkg:disagreesWith}: each side with its label, its evidence
 * quotes and the article graph it is in, and the curators' note on how they differ.
 */
public record Conflict(Side first, Side second, String note) {

    /** One claim of a disagreement. */
    public record Side(String claim, String label, String article, List<String> quotes) {
    }
}
