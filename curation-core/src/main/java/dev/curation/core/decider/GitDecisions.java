package dev.curation.core.decider;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.DocumentSync;
import dev.curation.core.document.SyncStep;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.ChangeAccepted;
import dev.curation.core.list.CommitImported;
import dev.curation.core.list.GitBridgeRemoved;
import dev.curation.core.list.GitBridgeSet;
import dev.curation.core.list.GitLocation;
import dev.curation.core.list.GitSource;
import dev.curation.core.list.HistoryImported;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.ListRuleException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a list's git side: commits brought by the bridge become versions (only the bridge
 * brings them, each commit once), an import is finished once, and owners set or remove the bridge.
 */
final class GitDecisions {


    private GitDecisions() {
    }

    static Decision importCommit(ListState state, ListCommand.ImportCommit command, Actor actor, InputLimits limits) {
        requireBridge(actor, "import commits");
        Long known = state.commits().get(command.commit().id());
        if (known != null) {
            return Decision.nothing(state).answering(after -> new ChangeAccepted(known, List.of()));
        }
        if (command.expectedVersion() != null && command.expectedVersion() != state.version()) {
            throw new ListRuleException.VersionMismatch(command.expectedVersion(), state.version());
        }
        long version = state.version() + 1;
        DocumentSync.Plan plan = DocumentSync.plan(state.document(), state.lastId(), command.markdown());
        long stepBytes = 0;
        for (SyncStep step : plan.steps()) {
            DocumentNode node = step.node();
            stepBytes += node == null ? 128 : ImportEvents.bytes(node);
        }
        List<ListEvent> events = new ArrayList<>();
        if (stepBytes <= limits.importPartBytes()) {
            events.add(new CommitImported(state.listId(), version, command.commit(), plan.removed(), plan.steps(), 0,
                    plan.lastId()));
        } else {
            // too many changed nodes for one event: the whole file again, in parts, as an import stores it
            List<List<DocumentNode>> parts = ImportEvents.split(plan.nodes(), limits.importPartBytes(),
                    limits.maxBlockBytes());
            events.add(new CommitImported(state.listId(), version, command.commit(), plan.removed(), List.of(),
                    parts.size(), plan.lastId()));
            for (int i = 0; i < parts.size(); i++) {
                events.add(new ListContentImported(state.listId(), i, parts.get(i)));
            }
        }
        return new Decision(events, version, after -> new ChangeAccepted(version, List.of()));
    }

    static Decision finishImport(ListState state, ListCommand.FinishHistoryImport command, Actor actor) {
        requireBridge(actor, "finish imports");
        if (state.importing() == null) {
            return Decision.nothing(state);
        }
        return Decision.sameVersion(state, new HistoryImported(state.listId(), command.commit(), state.version()));
    }

    static Decision setBridge(ListState state, ListCommand.SetGitBridge command, Actor owner) {
        MembershipDecisions.require(state, owner, ListRole.OWNER, "connect the list to git");
        GitLocation location = GitLocation.of(command.repository(), command.branch(), command.path());
        String repository = location.repository();
        String branch = location.branch();
        String path = location.path();
        GitBridgeSet set = new GitBridgeSet(state.listId(), repository, branch, path,
                Boolean.TRUE.equals(command.publish()), Boolean.TRUE.equals(command.pull()), owner.name());
        GitBridgeSet current = state.bridge();
        if (current != null && current.repository().equals(set.repository()) && current.branch().equals(set.branch())
                && current.path().equals(set.path()) && current.publish() == set.publish() && current.pull() == set.pull()) {
            return Decision.nothing(state);
        }
        return Decision.sameVersion(state, set);
    }

    static Decision removeBridge(ListState state, Actor owner) {
        MembershipDecisions.require(state, owner, ListRole.OWNER, "disconnect the list from git");
        if (state.bridge() == null) {
            return Decision.nothing(state);
        }
        return Decision.sameVersion(state, new GitBridgeRemoved(state.listId(), owner.name()));
    }

    /** While a history is imported, only the bridge changes the list. */
    static void requireNotImporting(ListState state) {
        GitSource importing = state.importing();
        if (importing != null) {
            throw new ListRuleException.Importing(state.slug(), state.version(), importing.commits());
        }
    }

    private static void requireBridge(Actor actor, String action) {
        if (!actor.globalRoles().contains(Actor.GIT_BRIDGE)) {
            throw new ListRuleException.NotAllowed("only the git bridge may " + action);
        }
    }
}
