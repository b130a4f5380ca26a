package dev.curation.command.web;

import dev.curation.core.edit.EditException;

/**
 * The {@code detail} a refused command answers in its problem+json ({@link ProblemHandler},
 * {@link InputProblemHandler}): the refusal's own sentence, and for a clash what it means for the
 * caller. A check of a change set repeats it word for word.
 */
public final class RefusalDetail {

    private RefusalDetail() {
    }

    public static String of(RuntimeException refusal) {
        String message = String.valueOf(refusal.getMessage());
        return refusal instanceof EditException.Clash ? message + "; nothing was applied" : message;
    }
}
