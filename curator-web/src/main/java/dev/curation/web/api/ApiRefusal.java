package dev.curation.web.api;

import org.jspecify.annotations.Nullable;

/**
 * The API said no (a 4xx problem, or a service that is away): its status and its own words, which a
 * page shows on the form rather than as an error page.
 */
public final class ApiRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable String title;

    public ApiRefusal(int status, @Nullable String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public @Nullable String title() {
        return title;
    }

    /** The API's explanation: the problem's detail, else its title. */
    public String detail() {
        String detail = getMessage();
        return detail == null ? "" : detail;
    }

    public boolean notFound() {
        return status == 404;
    }
}
