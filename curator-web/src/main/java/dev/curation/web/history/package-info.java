/**
 * A list's history: every version with its sentence, who and when; the list as it was at a
 * version (time travel) and that version's diff; reverting a version or a range (curators) or
 * proposing the revert (everyone else signed in), always after a preview of what will be undone.
 */
@NullMarked
package dev.curation.web.history;

import org.jspecify.annotations.NullMarked;
