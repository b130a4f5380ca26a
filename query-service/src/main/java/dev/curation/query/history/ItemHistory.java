package dev.curation.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.curation.core.list.GitCommit;
import dev.curation.query.history.ListHistory.VersionRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The versions that changed one item (a section, an entry or a text), newest first, across moves.
 * Each says what happened to that item, not to the whole version: "alice edited the title of ...".
 */
@Component
public class ItemHistory {

    /** {@code commit}: the git commit the version came from, absent for a version not from git. */
    public record ItemVersion(long version, Instant timestamp, String actor, String kind, String summary, String proposal,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable GitCommit commit) {
    }

    private final ListHistory history;

    ItemHistory(ListHistory history) {
        this.history = history;
    }

    /** Empty when the list never had an item with that id. */
    public List<ItemVersion> of(String listId, String itemId) {
        List<ItemVersion> versions = new ArrayList<>();
        for (VersionRow row : history.itemHistory(listId, itemId)) {
            List<String> sentences = history.itemSentences(listId, row.version(), itemId);
            versions.add(new ItemVersion(row.version(), row.timestamp(), row.actor(), row.kind(),
                    sentences.isEmpty() ? row.summary() : row.actor() + " " + String.join(", ", sentences), row.proposal(),
                    row.commit()));
        }
        return versions;
    }
}
