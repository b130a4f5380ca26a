package dev.curation.web.review;

import java.time.Instant;
import java.util.Comparator;

/**
 * The queue's order: proposals waiting for a curator first, then those waiting for their author
 * (after "request changes"), then decided ones; within each, the oldest first (it has waited
 * longest), then the smallest (quickest to review).
 */
final class QueueOrder {

    static final Comparator<QueueItem> ORDER = Comparator.comparingInt(QueueOrder::rank)
            .thenComparing(QueueItem::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(QueueItem::edits)
            .thenComparing(QueueItem::id);

    private QueueOrder() {
    }

    private static int rank(QueueItem item) {
        return item.waitingForCurators() ? 0 : item.waitingForAuthor() ? 1 : 2;
    }
}
