package dev.curation.query.list;

import java.util.List;
import org.springframework.stereotype.Service;

/** What operators see of, and do with, quarantined lists (docs/operations.md). */
@Service
public class QuarantinedLists {

    /** A quarantined list as operators see it; {@code held} are the positions of its held records. */
    public record View(String list, String since, String error, int retries, List<Position> held) {
    }

    public record Position(int partition, long offset) {
    }

    /** The outcome of a retry; {@code error} says why the list is still quarantined. */
    public record Outcome(String list, String status, int applied, String error) {
    }

    private final Quarantine quarantine;
    private final ListProjection projection;

    QuarantinedLists(Quarantine quarantine, ListProjection projection) {
        this.quarantine = quarantine;
        this.projection = projection;
    }

    public List<View> all() {
        return quarantine.entries().stream().map(e -> new View(e.listKey(), e.since().toString(), e.error(), e.retries(),
                quarantine.positions(e.listKey()).stream().map(p -> new Position(p.partition(), p.offset())).toList()))
                .toList();
    }

    public boolean isQuarantined(String list) {
        return quarantine.holds(list);
    }

    /** Applies the list's held records after dropping {@code discard}; see {@link ListProjection#retry}. */
    public Outcome retry(String list, List<Position> discard) {
        ListProjection.RetryOutcome outcome = projection.retry(list,
                discard.stream().map(p -> new ListProjection.RecordPosition(p.partition(), p.offset())).toList());
        return new Outcome(list, outcome.released() ? "released" : "quarantined", outcome.applied(), outcome.error());
    }
}
