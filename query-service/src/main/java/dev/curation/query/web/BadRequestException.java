package dev.curation.query.web;

/** A query parameter is not acceptable (400). */
public class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
