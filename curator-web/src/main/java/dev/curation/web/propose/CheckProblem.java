package dev.curation.web.propose;

import org.jspecify.annotations.Nullable;

/** One finding of the live check: error or warning, the field it concerns (or null) and the API's message. */
public record CheckProblem(String severity, @Nullable String field, String message) {

    public boolean error() {
        return "error".equals(severity);
    }
}
