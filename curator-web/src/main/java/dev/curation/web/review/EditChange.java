package dev.curation.web.review;

import java.util.List;

/**
 * What one edit of a proposal does, as a reviewer reads it.
 *
 * @param index    the edit's place in the proposal (0-based, as comments name it)
 * @param kind     added, removed, moved, edited, or the section and text edits' own kinds
 * @param subject  what it concerns: the entry's (or section's) title, as it is now or will be
 * @param from     the section it leaves (moves, removals), or empty
 * @param to       the section it goes to (additions, moves), or empty
 * @param fields   the fields it changes, old and new, word by word
 * @param lint     lint problems on the item it concerns
 * @param threads  comments on this edit
 */
public record EditChange(int index, String kind, String subject, String from, String to, List<FieldChange> fields,
                         List<String> lint, List<CommentNode> threads) {
}
