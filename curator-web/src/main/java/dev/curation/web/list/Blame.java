package dev.curation.web.list;

import org.jspecify.annotations.Nullable;

/** Who added an entry, in which version, through which proposal (null when added directly). */
public record Blame(String addedBy, long addedIn, @Nullable String addedThrough) {
}
