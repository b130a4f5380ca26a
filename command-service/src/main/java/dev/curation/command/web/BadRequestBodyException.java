package dev.curation.command.web;

import org.springframework.http.HttpStatus;

/** A request body the service cannot accept, with the status and problem type to answer. */
public class BadRequestBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final String field;

    public BadRequestBodyException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, "");
    }

    /** A refusal naming the {@code field} of the body that is wrong (answered as the problem's {@code field}). */
    public BadRequestBodyException(HttpStatus status, String type, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The field at fault, or empty. */
    public String field() {
        return field;
    }
}
