package org.w3id.srkg.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The archived text of article NNN, {@code seeds/articles/NNN.txt}, decoded as strict UTF-8 (a byte that is not
 * UTF-8 is an error, not a replacement character that would shift every offset after it).
 *
 * @param relative path from the seed root, as used in messages
 * @param sha256   lower-case hex digest of the file's bytes, as {@code sha256sum} prints it
 */
public record ArticleText(String article, String relative, String text, String sha256) {

    public static String relativePath(String article) {
        return "seeds/articles/" + article + ".txt";
    }

    /** @throws java.nio.file.NoSuchFileException when the article has no text */
    public static ArticleText read(Path root, String article) throws IOException {
        String relative = relativePath(article);
        byte[] bytes = Files.readAllBytes(root.resolve(relative));
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8: " + e.getMessage(), e);
        }
        return new ArticleText(article, relative, text, Sha256.hex(bytes));
    }
}
