package dev.curation.core.list;

import org.jspecify.annotations.Nullable;

/**
 * What an approval did: {@code version} is the version it made when it completed the review
 * policy's approvals and applied the proposal; null when more approvals are wanted
 * ({@code approvals} of {@code required} for {@code revision}).
 */
public record ApprovalOutcome(@Nullable Long version, int revision, int approvals, int required) {
}
