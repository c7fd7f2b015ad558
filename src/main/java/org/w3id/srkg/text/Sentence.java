package org.w3id.srkg.text;

import org.w3id.srkg.text.TextAnchor.Span;

/**
 * One sentence of a text.
 *
 * @param line  1-based line of the text the sentence is on (sentences never cross lines)
 * @param span  code-point offsets in the whole text, without surrounding white space
 * @param text  the sentence as written
 */
public record Sentence(int line, Span span, String text) {
}
