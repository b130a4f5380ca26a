package dev.curation.command.list.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import dev.curation.command.web.BadRequestBodyException;
import org.springframework.http.HttpStatus;

/** Reads a request body as Markdown: bounded in size, non-empty, strictly valid UTF-8. */
final class MarkdownBody {

    private MarkdownBody() {
    }

    static String read(InputStream in, long declaredLength, long maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        if (bytes.length == 0) {
            throw new InvalidBodyException("the request body is empty: send the Markdown file as the body");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(buffer).toString();
        } catch (MalformedInputException e) {
            throw new InvalidBodyException("the request body is not valid UTF-8 (bad byte sequence at byte offset "
                    + buffer.position() + ")");
        } catch (CharacterCodingException e) {
            throw new InvalidBodyException("the request body is not valid UTF-8");
        }
    }

    static final class BodyTooLargeException extends BadRequestBodyException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long maxBytes) {
            super(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                    "the Markdown body is larger than the limit of " + maxBytes + " bytes (curation.import.max-size)");
        }
    }

    static final class InvalidBodyException extends BadRequestBodyException {
        private static final long serialVersionUID = 1L;

        InvalidBodyException(String message) {
            super(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid Markdown body", message);
        }
    }
}
