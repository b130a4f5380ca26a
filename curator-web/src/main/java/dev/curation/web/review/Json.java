package dev.curation.web.review;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Picking fields from the API's JSON, tolerant of absent and null ones. */
final class Json {

    private Json() {
    }

    static @Nullable String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    static String text(JsonNode node, String field, String otherwise) {
        String value = textOrNull(node, field);
        return value == null ? otherwise : value;
    }

    static @Nullable Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asInt() : null;
    }

    static @Nullable Instant instant(JsonNode node, String field) {
        String value = textOrNull(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
