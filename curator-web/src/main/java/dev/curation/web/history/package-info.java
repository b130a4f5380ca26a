/**
 * A list's history: every version with its sentence, who and when; the list as it was at a
 * version (time travel: its topics and entries drawn as the list page draws them, its text folded
 * away) and that version's diff; reverting a version or a range (curators) or proposing the revert
 * (everyone else signed in), always after a preview of what will be undone and the command
 * service's check of it (a refusal shown before anyone confirms, else what it would change).
 */
@NullMarked
package dev.curation.web.history;

import org.jspecify.annotations.NullMarked;
