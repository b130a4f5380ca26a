package dev.curation.web.propose;

import org.jspecify.annotations.Nullable;

/** Our own check of the form failed before asking the API: the field it concerns and the message's key. */
final class FormProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String field;

    FormProblem(@Nullable String field, String messageKey) {
        super(messageKey, null, false, false);
        this.field = field;
    }

    @Nullable String field() {
        return field;
    }

    String messageKey() {
        String key = getMessage();
        return key == null ? "" : key;
    }
}
