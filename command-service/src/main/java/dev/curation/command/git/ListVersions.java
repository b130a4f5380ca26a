package dev.curation.command.git;

import dev.curation.command.list.EventMetadata;
import dev.curation.core.decider.ListState;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ChangeSummary;
import dev.curation.core.list.CommitImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.ProposalApprovalRecorded;
import dev.curation.core.list.ProposalAmended;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalSubmitted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A list's versions as the bridge publishes them, read from the event store: the list now, and for
 * each version from a given one on, its Markdown, who wrote it, when, why, through which proposal,
 * who reviewed it and whether it came from git (a commit the bridge must not publish back).
 */
@Component
public class ListVersions {

    /** One version: {@code commit} is set for a version made of a git commit. */
    public record Version(long version, String author, Instant at, String markdown, @Nullable String proposal,
                          List<String> reviewers, @Nullable String rationale, List<String> sentences,
                          @Nullable String commit) {
    }

    /** The list now, and its versions from the one asked for (that one included) on, in order. */
    public record Read(ListState state, List<Version> versions) {
    }

    private final EventStore events;

    ListVersions(EventStore events) {
        this.events = events;
    }

    /** The list's current version. */
    public long current(String listId) {
        return from(listId, Long.MAX_VALUE).state().version();
    }

    public Read from(String listId, long first) {
        ListState state = ListState.initial();
        List<Version> versions = new ArrayList<>();
        Map<String, Set<String>> approvals = new HashMap<>();
        Map<String, @Nullable String> rationales = new HashMap<>();
        Builder open = null;
        DomainEventStream stream = events.readEvents(listId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (!(message.getPayload() instanceof ListEvent event)) {
                continue;
            }
            long version = ((Number) message.getMetaData().getOrDefault(EventMetadata.VERSION, 0L)).longValue();
            String actor = (String) message.getMetaData().get(EventMetadata.ACTOR);
            if (open != null && version != open.version) {
                versions.add(open.build(state));
                open = null;
            }
            if (version >= first && open == null && !ListEvents.makesNoVersion(event)) {
                open = new Builder(version, message.getTimestamp());
            }
            switch (event) {
                case ProposalApprovalRecorded r -> approvals.computeIfAbsent(r.proposal(), p -> new LinkedHashSet<>()).add(r.by());
                case ProposalSubmitted s -> rationales.put(s.proposal(), s.rationale());
                case ProposalAmended a -> rationales.put(a.proposal(), a.rationale());
                default -> {
                }
            }
            if (open != null) {
                open.see(event, state, approvals, rationales);
            }
            state = state.evolve(event, version, actor);
        }
        if (open != null) {
            versions.add(open.build(state));
        }
        return new Read(state, versions);
    }

    private static final class Builder {
        private final long version;
        private final Instant at;
        private @Nullable String proposal;
        private final List<String> reviewers = new ArrayList<>();
        private @Nullable String rationale;
        private final List<String> sentences = new ArrayList<>();
        private @Nullable String commit;

        Builder(long version, Instant at) {
            this.version = version;
            this.at = at;
        }

        void see(ListEvent event, ListState before, Map<String, Set<String>> approvals, Map<String, @Nullable String> rationales) {
            switch (event) {
                case ChangeSetApplied c -> rationale = c.rationale();
                case ProposalApproved p -> {
                    proposal = p.proposal();
                    rationale = p.rationale() != null ? p.rationale() : rationales.get(p.proposal());
                    reviewers.addAll(approvals.getOrDefault(p.proposal(), Set.of()));
                    if (!reviewers.contains(p.by())) {
                        reviewers.add(p.by());
                    }
                }
                case CommitImported c -> commit = c.commit().id();
                case ListImported i -> commit = i.commit() == null ? null : i.commit().id();
                default -> {
                }
            }
            if (ListEvents.makesNoVersion(event)) {
                return;
            }
            ChangeSummary.Change change = ChangeSummary.change(event, before.version() == 0 ? null : before.document());
            if (change != null) {
                sentences.add(ChangeSummary.sentence(change));
            }
        }

        Version build(ListState after) {
            String author = after.authorOf(version);
            return new Version(version, author == null ? "unknown" : author, at, MarkdownWriter.write(after.document()),
                    proposal, List.copyOf(reviewers), rationale, List.copyOf(sentences), commit);
        }
    }
}
