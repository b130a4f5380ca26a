package dev.curation.core.list;

/** A rollback's new {@code version}, and the versions {@code from} to {@code through} it undid. */
public record RollbackOutcome(long version, long from, long through) {
}
