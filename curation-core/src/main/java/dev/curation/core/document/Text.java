package dev.curation.core.document;

import java.util.Objects;

/**
 * Lines that are not a link entry, kept verbatim: a blank line, prose, or a multi-line block
 * (code fence, HTML block, table) that must stay together.
 */
public record Text(String id, String raw) implements Block {

    public Text {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raw, "raw");
    }

    public boolean isBlank() {
        return raw.isBlank();
    }
}
