package dev.curation.core.list;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What someone may do on one list; each role may do everything the ones before it may. */
public enum ListRole {
    /** proposes, comments on proposals, amends and withdraws their own */
    CONTRIBUTOR,
    /** also edits directly, reviews (approves, rejects, requests changes), reverts, sets lint and review policies */
    CURATOR,
    /** also manages the list's members */
    OWNER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(ListRole other) {
        return compareTo(other) >= 0;
    }

    /** @return the role of a wire name, or null for an unknown one */
    public static @Nullable ListRole fromWire(@Nullable String wire) {
        if (wire == null) {
            return null;
        }
        for (ListRole role : values()) {
            if (role.wire().equals(wire.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }
}
