package dev.curation.web.api;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The API said no (a 4xx problem, or a service that is away): its status and its own words, which a
 * page shows on the form rather than as an error page, and the problem's other members (the
 * {@code field} refused, a clash's {@code items}, a lint refusal's {@code problems}) so a page
 * need not read them out of the words.
 */
public final class ApiRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable String title;
    private final @Nullable String field;
    private final transient @Nullable JsonNode problem;

    public ApiRefusal(int status, @Nullable String title, String detail) {
        this(status, title, detail, null);
    }

    /** A refusal with the API's problem body (null when it sent none that could be read). */
    public ApiRefusal(int status, @Nullable String title, String detail, @Nullable JsonNode problem) {
        super(detail);
        this.status = status;
        this.title = title;
        this.problem = problem;
        this.field = problem == null ? null : field(problem);
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

    /**
     * The JSON path or parameter the API refused, as it names it ({@code edits[0].url}, {@code
     * rules.separator}, {@code version}): the problem's {@code field}, else the first of its
     * {@code errors} or {@code problems} that names one; null when the refusal names none.
     */
    public @Nullable String field() {
        return field;
    }

    /** Another member of the problem ({@code items}, {@code problems}, {@code currentVersion}); missing if not sent. */
    public JsonNode member(String name) {
        JsonNode value = problem == null ? null : problem.get(name);
        return value == null ? MissingNode.getInstance() : value;
    }

    public boolean notFound() {
        return status == 404;
    }

    private static @Nullable String field(JsonNode problem) {
        String named = text(problem.get("field"));
        if (named != null) {
            return named;
        }
        for (String list : new String[] {"errors", "problems"}) {
            for (JsonNode each : problem.path(list)) {
                String inner = text(each.get("field"));
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static @Nullable String text(@Nullable JsonNode value) {
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }
}
