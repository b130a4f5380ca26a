package dev.curation.web.settings;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/lists/{slug}/members}: the members (the change log is not shown here). */
record Members(@Nullable List<MemberRow> members) {

    List<MemberRow> rows() {
        return members == null ? List.of() : members;
    }

    /** Whether {@code user} is an owner of the list: the only ones who see its settings. */
    boolean owner(@Nullable String user) {
        return user != null && rows().stream().anyMatch(row -> row.member().equals(user) && row.role().equals("owner"));
    }
}
