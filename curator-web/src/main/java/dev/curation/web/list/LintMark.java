package dev.curation.web.list;

/** A lint problem on an entry or topic: its rule, severity (error, warning) and the API's message. */
public record LintMark(String rule, String severity, String message) {

    public boolean error() {
        return "error".equals(severity);
    }
}
