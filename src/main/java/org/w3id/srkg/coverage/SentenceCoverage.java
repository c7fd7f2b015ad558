package org.w3id.srkg.coverage;

import java.util.List;

import org.w3id.srkg.text.Sentence;

/**
 * One sentence and what covers it.
 *
 * @param repeatOf for a sentence whose words already occurred, that first occurrence; otherwise null
 */
public record SentenceCoverage(Sentence sentence, Status status, List<Claim> citedBy,
                               List<Declaration> declaredBy, SentenceCoverage repeatOf) {

    public SentenceCoverage {
        citedBy = List.copyOf(citedBy);
        declaredBy = List.copyOf(declaredBy);
    }
}
