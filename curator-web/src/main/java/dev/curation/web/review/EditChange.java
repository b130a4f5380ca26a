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
 * @param lint     lint problems the edit brings (the API names the edit) or on the item it concerns
 * @param health   the link health of the URLs it adds or changes, as the link checker knows them
 * @param threads  comments on this edit
 */
public record EditChange(int index, String kind, String subject, String from, String to, List<FieldChange> fields,
                         List<String> lint, List<LinkHealth> health, List<CommentNode> threads) {

    /**
     * A URL of the edit and what the link checker knows of it.
     *
     * @param url    the URL
     * @param status ok, redirected, failing, dead, unchecked, refused or excluded
     */
    public record LinkHealth(String url, String status) {

        /** A link a reviewer should look at before approving. */
        public boolean bad() {
            return status.equals("failing") || status.equals("dead") || status.equals("refused");
        }
    }
}
