package dev.curation.command.web;

import org.springframework.http.HttpStatus;

/** A request body the service cannot accept, with the status and problem type to answer. */
public class BadRequestBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String type;
    private final String title;

    public BadRequestBodyException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
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
}
