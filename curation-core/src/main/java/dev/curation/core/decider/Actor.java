package dev.curation.core.decider;

import java.util.Set;

/**
 * Who sends a command: the signed-in account's name and its global roles (role names without a
 * prefix, e.g. {@code CURATOR}); the list's members decide what those give on the list.
 */
public record Actor(String name, Set<String> globalRoles) {

    /** The global role of the command service's git bridge: only it brings commits from git. */
    public static final String GIT_BRIDGE = "GIT_BRIDGE";

    public Actor {
        globalRoles = Set.copyOf(globalRoles);
    }

    public static Actor of(String name, String... globalRoles) {
        return new Actor(name, Set.of(globalRoles));
    }
}
