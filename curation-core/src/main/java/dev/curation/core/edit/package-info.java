/**
 * Edits of a list: the change-set operations people send ({@link dev.curation.core.edit.Edit}),
 * their validation, and {@link dev.curation.core.edit.ListEditor}, which turns a change set into
 * the events that apply it, rendering new lines in the style of their neighbours so that an edit
 * touches only its own lines.
 * Nothing here is null unless marked {@code @Nullable} (checked by NullAway at compile time).
 */
@NullMarked
package dev.curation.core.edit;

import org.jspecify.annotations.NullMarked;
