package dev.curation.query.web;

/** A requested resource does not exist; answered as a 404 problem naming it. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException list(String slug) {
        return new NotFoundException("no list with slug '" + slug + "'");
    }
}
