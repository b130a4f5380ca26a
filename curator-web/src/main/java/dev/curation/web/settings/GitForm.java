package dev.curation.web.settings;

import org.jspecify.annotations.Nullable;

/**
 * The git bridge form's fields as shown: the bridge's settings, what was typed when the API refused
 * it, or the defaults for a list without a bridge. Never a password: that field is always empty.
 *
 * @param field the field the API refused ({@code repository}, {@code branch}, {@code path},
 *              {@code credentials}), empty for none
 */
public record GitForm(String repository, String branch, String path, boolean publish, boolean pull, String username,
                      String field) {

    /** A new bridge: the file most lists are, both directions on. */
    static GitForm of(@Nullable GitBridge bridge) {
        return bridge == null ? new GitForm("", "main", "README.md", true, true, "", "")
                : new GitForm(bridge.repository(), bridge.branch(), bridge.path(), bridge.publish(), bridge.pull(), "", "");
    }

    /** Whether the API refused {@code name} ({@code username} and {@code password} are both the credentials). */
    public boolean refused(String name) {
        return !field.isEmpty() && (field.equals(name)
                || field.equals("credentials") && (name.equals("username") || name.equals("password")));
    }

    /** The id of the refusal's message for the field's aria-describedby, null when it is not refused. */
    public @Nullable String errorId(String name) {
        return refused(name) ? "git-refusal" : null;
    }

    /** The field a refusal names as this form's ({@code git.repository} and {@code repository} alike), empty if none. */
    static String fieldOf(@Nullable String named) {
        if (named == null) {
            return "";
        }
        String last = named.substring(named.lastIndexOf('.') + 1);
        return switch (last) {
            case "repository", "branch", "path", "credentials", "username", "password" -> last;
            default -> "";
        };
    }
}
