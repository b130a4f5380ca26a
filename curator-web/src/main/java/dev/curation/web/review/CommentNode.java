package dev.curation.web.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A comment with its replies (oldest first), on the whole proposal ({@code edit} null) or on one edit. */
public record CommentNode(String id, String author, String text, @Nullable Instant at, @Nullable Integer edit,
                          @Nullable String replyTo, @Nullable String resolvedBy, List<CommentNode> replies) {

    public boolean resolved() {
        return resolvedBy != null;
    }

    /**
     * The threads of the API's flat comments: a reply under the comment it answers, a reply to a
     * comment not shown as a thread of its own.
     */
    static List<CommentNode> threads(List<CommentNode> flat) {
        Map<String, CommentNode> byId = new LinkedHashMap<>();
        flat.forEach(comment -> byId.put(comment.id(), comment));
        List<CommentNode> roots = new ArrayList<>();
        for (CommentNode comment : flat) {
            CommentNode parent = comment.replyTo() == null ? null : byId.get(comment.replyTo());
            if (parent == null || parent == comment) {
                roots.add(comment);
            } else {
                parent.replies().add(comment);
            }
        }
        return roots;
    }

    /** The edit a thread is about: its root's. */
    public boolean onEdit(int index) {
        return edit != null && edit == index;
    }
}
