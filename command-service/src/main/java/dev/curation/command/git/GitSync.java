package dev.curation.command.git;

import dev.curation.command.git.GitBridges.Bridge;
import dev.curation.command.git.GitBridges.State;
import dev.curation.core.decider.ListState;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.document.ThreeWayMerge;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.GitCommit;
import dev.curation.core.list.ListCommand;
import dev.curation.git.Ancestry;
import dev.curation.git.CommitWriter;
import dev.curation.git.FileVersion;
import dev.curation.git.Files;
import dev.curation.git.GitBridgeException;
import dev.curation.git.HistoryWalk;
import dev.curation.git.Mirror;
import dev.curation.git.PushResult;
import dev.curation.git.Signature;
import dev.curation.git.Trailer;
import dev.curation.git.Trailers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps each list in step with its file in git, one list at a time, every poll interval (and at
 * once when a bridge is set). A sync fetches the branch and looks at the commits after the sync
 * point: the bridge's own (its trailers name the list) only move the point, so nothing echoes;
 * outside ones become versions here, credited to their authors (merged node by node with what
 * changed here meanwhile; a clash becomes a proposal by the git author). Versions accepted here
 * become commits, one each, authored by who made the change, pushed with a lease on the head it
 * fetched: a branch that moved meanwhile is fetched again, never overwritten.
 */
@Component
public class GitSync implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(GitSync.class);

    private final GitBridges bridges;
    private final GitAccess access;
    private final GitCredentials credentials;
    private final GitProperties properties;
    private final ListVersions versions;
    private final BridgeCommands commands;
    private final Counter pushFailures;
    private final Counter published;
    private final Counter pulled;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile @Nullable ScheduledExecutorService timer;

    GitSync(GitBridges bridges, GitAccess access, GitCredentials credentials, GitProperties properties,
            ListVersions versions, BridgeCommands commands, MeterRegistry meters) {
        this.bridges = bridges;
        this.access = access;
        this.credentials = credentials;
        this.properties = properties;
        this.versions = versions;
        this.commands = commands;
        this.pushFailures = Counter.builder("curation.git.push.failures").description("pushes that failed (retried)")
                .register(meters);
        this.published = Counter.builder("curation.git.published").description("versions published as commits")
                .register(meters);
        this.pulled = Counter.builder("curation.git.pulled").description("outside commits made versions").register(meters);
    }

    /** Syncs the list soon (after its bridge was set). */
    public void wake(String listId) {
        ScheduledExecutorService pool = timer;
        if (pool != null) {
            pool.execute(() -> sync(listId));
        }
    }

    /** One sync of one list; failures are recorded on the bridge and retried with back-off. */
    public void sync(String listId) {
        ReentrantLock lock = locks.computeIfAbsent(listId, id -> new ReentrantLock());
        if (!lock.tryLock()) {
            return;
        }
        try {
            Bridge bridge = bridges.of(listId).orElse(null);
            if (bridge == null || !(bridge.publish() || bridge.pull()) || bridge.state().equals(State.PAUSED.wire())) {
                return;
            }
            try (Mirror mirror = mirror(bridge)) {
                new Run(bridge, mirror).sync();
            }
        } catch (GitBridgeException e) {
            retry(listId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("git sync of list {} failed; it will be retried", listId, e);
            retry(listId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /**
     * After the fidelity gate stopped the bridge: one commit by {@code owner} makes the file the
     * list ({@code takeList}), or the file becomes the list's next version.
     */
    public void align(String listId, boolean takeList, String owner) {
        ReentrantLock lock = locks.computeIfAbsent(listId, id -> new ReentrantLock());
        lock.lock();
        try {
            Bridge bridge = bridges.of(listId).orElseThrow();
            try (Mirror mirror = mirror(bridge)) {
                new Run(bridge, mirror).align(takeList, owner);
            }
        } finally {
            lock.unlock();
        }
        wake(listId);
    }

    /** The bridge's kept clone, opened (made on first use) with its credentials. */
    private Mirror mirror(Bridge bridge) {
        return Mirror.open(properties.workDir().resolve("bridges").resolve(bridge.listId()), bridge.location().repository(),
                bridge.location().branch(), access.access(bridge.location(), credentials.of(bridge.listId()).orElse(null)));
    }

    private void retry(String listId, @Nullable String error) {
        int failures = bridges.failures(listId);
        Duration delay = Duration.ofSeconds(Math.min(properties.maxRetryDelay().toSeconds(), 2L << Math.min(failures, 12)));
        bridges.failed(listId, String.valueOf(error), delay);
    }

    /** One sync: the bridge, its fetched mirror, the list as the event store has it. */
    private final class Run {
        private final Bridge bridge;
        private final Mirror mirror;
        private final String listId;
        private final String path;

        Run(Bridge bridge, Mirror mirror) {
            this.bridge = bridge;
            this.mirror = mirror;
            this.listId = bridge.listId();
            this.path = bridge.location().path();
        }

        void sync() {
            String head = mirror.fetch();
            ListVersions.Read read = versions.from(listId, 1);
            ListState list = read.state();
            if (list.importing() != null) {
                bridges.stopped(listId, State.PENDING, "waiting for the list's git history import to finish", head);
                return;
            }
            String point = bridge.lastCommit();
            Long pointVersion = bridge.lastVersion();
            if (point == null || pointVersion == null) {
                gate(read, head);
                return;
            }
            if (head == null) {
                bridges.stopped(listId, State.PAUSED, "the branch " + bridge.location().branch() + " is gone from "
                        + bridge.location().repository() + "; set the bridge again to start over", null);
                return;
            }
            if (!head.equals(point) && !Ancestry.isAncestor(mirror.repository(), point, head)) {
                bridges.stopped(listId, State.PAUSED, "the branch was rewritten: the last synced commit " + point
                        + " is no longer on it; nothing was imported again. Set the bridge again to start from its head",
                        head);
                return;
            }
            // the commits after the point: ours move it, the others are pulled (or wait)
            List<FileVersion> outside = new ArrayList<>();
            try (HistoryWalk walk = mirror.history(path).walkAfter(point)) {
                while (walk.hasNext()) {
                    FileVersion version = walk.next();
                    Optional<Long> ours = ownVersion(version);
                    if (ours.isPresent() && outside.isEmpty()) {
                        bridges.published(listId, ours.get(), version.commitId());
                        point = version.commitId();
                        pointVersion = ours.get();
                    } else if (ours.isEmpty()) {
                        outside.add(version);
                    }
                }
            }
            long reflected = pointVersion;
            List<ListVersions.Version> local = read.versions().stream()
                    .filter(v -> v.version() > reflected && v.commit() == null).toList();
            if (!outside.isEmpty() && !bridge.pull()) {
                bridges.synced(listId, point, pointVersion, head, State.BEHIND, outside.size()
                        + " commit(s) on the branch are not taken in (pull is off); nothing is published over them");
                return;
            }
            if (outside.isEmpty()) {
                publish(read, local, head, point, pointVersion, List.of());
                return;
            }
            // pull: each outside commit a version, merged with what changed here since the point
            String base = text(Files.at(mirror.repository(), point, path));
            for (FileVersion version : outside) {
                String theirs = GitCommits.text(version).orElseThrow(() -> new GitBridgeException(
                        GitBridgeException.Reason.READ_FAILED, "commit " + version.commitId() + " makes " + path
                        + " something other than UTF-8 text; fix it on the branch"));
                pull(version, base, theirs);
                base = theirs;
            }
            ListVersions.Read after = versions.from(listId, 1);
            if (local.isEmpty()) {
                long version = after.state().version();
                String now = MarkdownWriter.write(after.state().document());
                if (now.equals(base)) {
                    // the head may be later than the last commit of the file (commits to other files)
                    bridges.synced(listId, head, version, head, State.IN_SYNC, null);
                    return;
                }
                // a clash kept ours: the branch is told with one commit
            }
            publish(after, local, head, point, pointVersion, List.of(head));
        }

        void align(boolean takeList, String owner) {
            String head = mirror.fetch();
            ListState list = versions.from(listId, Long.MAX_VALUE).state();
            String now = MarkdownWriter.write(list.document());
            if (takeList) {
                String message = Trailers.append("Make " + path + " the list at version " + list.version(), List.of(
                        new Trailer(Trailers.CURATION_LIST, listId),
                        new Trailer(Trailers.CURATION_VERSION, Long.toString(list.version())),
                        new Trailer(Trailers.REVIEWED_BY, owner + " <" + properties.noreplyFor(owner) + ">")));
                Signature author = new Signature(owner, properties.noreplyFor(owner), OffsetDateTime.now(ZoneOffset.UTC));
                String commit = CommitWriter.write(mirror.repository(), head, path, now.getBytes(StandardCharsets.UTF_8),
                        author, committer(), message);
                PushResult result = mirror.push(commit, head);
                if (!result.isOk()) {
                    throw new GitBridgeException(GitBridgeException.Reason.WRITE_FAILED, "the push was refused ("
                            + result.status() + "): " + result.message() + "; try again");
                }
                bridges.published(listId, list.version(), commit);
                bridges.synced(listId, commit, list.version(), commit, State.IN_SYNC, null);
                return;
            }
            if (head == null) {
                throw new GitBridgeException(GitBridgeException.Reason.NO_SUCH_BRANCH, "the branch "
                        + bridge.location().branch() + " does not exist: nothing to take");
            }
            FileVersion last = null;
            try (HistoryWalk walk = mirror.history(path).walk()) {
                while (walk.hasNext()) {
                    last = walk.next();
                }
            }
            if (last == null) {
                throw new GitBridgeException(GitBridgeException.Reason.NO_SUCH_FILE, path + " is not on the branch");
            }
            FileVersion newest = last;
            String theirs = GitCommits.text(newest).orElseThrow(() -> new GitBridgeException(
                    GitBridgeException.Reason.READ_FAILED, path + " on the branch is not UTF-8 text"));
            long version = theirs.equals(now) ? list.version()
                    : commands.importCommit(new ListCommand.ImportCommit(listId, GitCommits.of(newest), theirs, list.version()));
            bridges.synced(listId, head, version, head, State.IN_SYNC, null);
        }

        /** The version this commit says it published for this list, when the bridge made it. */
        private Optional<Long> ownVersion(FileVersion version) {
            if (!Trailers.values(version.message(), Trailers.CURATION_LIST).contains(listId)) {
                return Optional.empty();
            }
            return Trailers.values(version.message(), Trailers.CURATION_VERSION).stream().findFirst()
                    .map(Long::parseLong);
        }

        private void pull(FileVersion version, String base, String theirs) {
            GitCommit commit = GitCommits.of(version);
            ListState now = versions.from(listId, Long.MAX_VALUE).state();
            String ours = MarkdownWriter.write(now.document());
            if (now.commits().containsKey(version.commitId())) {
                return;
            }
            if (ours.equals(base)) {
                commands.importCommit(new ListCommand.ImportCommit(listId, commit, theirs, now.version()));
                pulled.increment();
                return;
            }
            ThreeWayMerge.Result merged = ThreeWayMerge.merge(base, now.document(), now.lastId(), theirs);
            if (!merged.markdown().equals(ours)) {
                commands.importCommit(new ListCommand.ImportCommit(listId, commit, merged.markdown(), now.version()));
                pulled.increment();
            }
            if (!merged.clashes().isEmpty()) {
                propose(commit, merged.clashes(), now);
            }
        }

        /** Theirs, where it clashed with ours, as a proposal by the commit's author. */
        private void propose(GitCommit commit, List<ThreeWayMerge.Clash> clashes, ListState now) {
            List<EditSpec> edits = new ArrayList<>();
            List<String> named = new ArrayList<>();
            for (ThreeWayMerge.Clash clash : clashes) {
                DocumentNode ours = clash.ours();
                DocumentNode theirs = clash.theirs();
                DocumentNode any = theirs != null ? theirs : ours;
                if (any == null) {
                    continue;
                }
                named.add(any.title() != null ? any.title() : any.raw().strip());
                EditSpec edit = edit(clash.id(), ours, theirs, now);
                if (edit != null) {
                    edits.add(edit);
                }
            }
            // one proposal per commit, whatever the number of attempts: its id comes from the commit
            String proposal = UUID.nameUUIDFromBytes((listId + " " + commit.id()).getBytes(StandardCharsets.UTF_8)).toString();
            if (edits.isEmpty() || now.proposals().containsKey(proposal)) {
                return;
            }
            String rationale = "From commit " + commit.shortId() + " on " + bridge.location().branch() + " by "
                    + commit.author().display() + ": " + commit.subject() + ". It clashed with changes made here on: "
                    + String.join(", ", named);
            commands.sendAs(new ListCommand.SubmitProposal(listId, proposal, now.version(),
                    rationale.length() > 2000 ? rationale.substring(0, 2000) : rationale, edits),
                    commit.author().display(), "CONTRIBUTOR");
        }

        private @Nullable EditSpec edit(String id, @Nullable DocumentNode ours, @Nullable DocumentNode theirs, ListState now) {
            if (theirs == null) {
                return ours == null ? null : switch (ours.kind()) {
                    case ENTRY -> new EditSpec("removeLink", null, id, null, null, null, null, null, null, null, null);
                    case TEXT -> new EditSpec("removeText", null, null, id, null, null, null, null, null, null, null);
                    case SECTION -> null;
                };
            }
            if (ours == null) {
                String section = theirs.parent();
                if (theirs.kind() != DocumentNode.Kind.ENTRY || section == null || now.document().section(section) == null) {
                    return null;
                }
                return new EditSpec("addLink", section, null, null, null, null, theirs.title(), theirs.url(),
                        theirs.description(), null, null);
            }
            return switch (theirs.kind()) {
                case ENTRY -> ours.kind() == DocumentNode.Kind.ENTRY ? new EditSpec("editLink", null, id, null, null, null,
                        theirs.title(), theirs.url(), theirs.description(), null, null) : null;
                case TEXT -> ours.kind() == DocumentNode.Kind.TEXT ? new EditSpec("editText", null, null, id, null, null,
                        null, null, null, theirs.raw().stripTrailing(), null) : null;
                case SECTION -> ours.kind() == DocumentNode.Kind.SECTION && theirs.title() != null
                        ? new EditSpec("renameSection", id, null, null, null, null, theirs.title(), null, null, null, null)
                        : null;
            };
        }

        /**
         * Commits every version accepted here since the point, one each, on {@code parent}; after a pull
         * ({@code merged} the outside head) the chain starts at the point and a merge commit joins it
         * to the branch with the list as it is now. Pushed with a lease on {@code head}.
         */
        private void publish(ListVersions.Read read, List<ListVersions.Version> local, @Nullable String head,
                             String point, long pointVersion, List<String> merged) {
            ListState list = read.state();
            String now = MarkdownWriter.write(list.document());
            if (!bridge.publish()) {
                boolean differs = head != null && !now.equals(text(Files.at(mirror.repository(), head, path)));
                State state = local.isEmpty() && !differs ? State.IN_SYNC : State.AHEAD;
                String commit = merged.isEmpty() ? point : merged.getFirst();
                // the versions made here stay unpublished (they are published once publish is on)
                long version = merged.isEmpty() || !local.isEmpty() ? pointVersion : list.version();
                bridges.synced(listId, commit, version, head, state, local.isEmpty() ? null
                        : local.size() + " version(s) here are not published (publish is off)");
                return;
            }
            String tipFile = head == null ? null : text(Files.at(mirror.repository(), head, path));
            if (local.isEmpty() && merged.isEmpty() && now.equals(tipFile)) {
                bridges.synced(listId, head, list.version(), head, State.IN_SYNC, null);
                return;
            }
            String parent = merged.isEmpty() ? head : point;
            String previous = merged.isEmpty() ? tipFile : text(Files.at(mirror.repository(), point, path));
            List<long[]> made = new ArrayList<>();
            List<String> commitIds = new ArrayList<>();
            for (ListVersions.Version version : local) {
                if (version.markdown().equals(previous)) {
                    continue;
                }
                parent = CommitWriter.write(mirror.repository(), parent, path,
                        version.markdown().getBytes(StandardCharsets.UTF_8), author(version), committer(),
                        message(version));
                previous = version.markdown();
                made.add(new long[] {version.version()});
                commitIds.add(parent);
            }
            if (merged.isEmpty() && !now.equals(previous)) {
                // the list as it is now, when its versions' commits did not end there (taken in while publish was off)
                parent = CommitWriter.write(mirror.repository(), parent, path, now.getBytes(StandardCharsets.UTF_8),
                        committer(), committer(), Trailers.append("Bring " + path + " to the list's version "
                                + list.version(), List.of(new Trailer(Trailers.CURATION_LIST, listId),
                                new Trailer(Trailers.CURATION_VERSION, Long.toString(list.version())))));
                made.add(new long[] {list.version()});
                commitIds.add(parent);
            }
            if (!merged.isEmpty()) {
                String subject = "Merge " + bridge.location().branch() + " into the list (version " + list.version() + ")";
                parent = CommitWriter.write(mirror.repository(), parent, merged, path, now.getBytes(StandardCharsets.UTF_8),
                        committer(), committer(), Trailers.append(subject, List.of(
                                new Trailer(Trailers.CURATION_LIST, listId),
                                new Trailer(Trailers.CURATION_VERSION, Long.toString(list.version())))));
                made.add(new long[] {list.version()});
                commitIds.add(parent);
            }
            if (parent == null || parent.equals(head)) {
                bridges.synced(listId, head == null ? point : head, list.version(), head, State.IN_SYNC, null);
                return;
            }
            PushResult result = mirror.push(parent, head);
            switch (result.status()) {
                case OK -> {
                    for (int i = 0; i < made.size(); i++) {
                        bridges.published(listId, made.get(i)[0], commitIds.get(i));
                    }
                    published.increment(made.size());
                    bridges.synced(listId, parent, list.version(), parent, State.IN_SYNC, null);
                }
                case STALE -> {
                    // the branch moved since the fetch: fetch, pull and publish again soon
                    pushFailures.increment();
                    bridges.failed(listId, "the branch moved while publishing; trying again", Duration.ofSeconds(1));
                }
                case REJECTED -> {
                    pushFailures.increment();
                    retry(listId, "the repository refused the push: " + result.message());
                }
            }
        }

        /** No sync point yet: the branch's file must be the list's, or the list must have come from it. */
        private void gate(ListVersions.Read read, @Nullable String head) {
            ListState list = read.state();
            String now = MarkdownWriter.write(list.document());
            if (head == null) {
                if (!bridge.publish()) {
                    bridges.stopped(listId, State.CONFLICT, "the branch " + bridge.location().branch()
                            + " does not exist and publish is off", null);
                    return;
                }
                // a new branch: the list as it is now, in one commit
                String commit = CommitWriter.write(mirror.repository(), null, path, now.getBytes(StandardCharsets.UTF_8),
                        committer(), committer(), Trailers.append("Start " + path + " from the list", List.of(
                                new Trailer(Trailers.CURATION_LIST, listId),
                                new Trailer(Trailers.CURATION_VERSION, Long.toString(list.version())))));
                PushResult result = mirror.push(commit, null);
                if (result.isOk()) {
                    bridges.published(listId, list.version(), commit);
                    bridges.synced(listId, commit, list.version(), commit, State.IN_SYNC, null);
                } else {
                    retry(listId, "the repository refused the first push: " + result.message());
                }
                return;
            }
            byte[] file = Files.at(mirror.repository(), head, path);
            if (file != null && now.equals(text(file))) {
                bridges.synced(listId, head, list.version(), head, State.IN_SYNC, null);
                wake(listId);
                return;
            }
            // the list came from this branch's history: the newest of its commits the list has is the point
            String known = null;
            long knownVersion = 0;
            try (HistoryWalk walk = mirror.history(path).walk()) {
                while (walk.hasNext()) {
                    FileVersion version = walk.next();
                    Long at = list.commits().get(version.commitId());
                    if (at != null) {
                        known = version.commitId();
                        knownVersion = at;
                    }
                }
            } catch (GitBridgeException e) {
                if (e.reason() != GitBridgeException.Reason.NO_SUCH_FILE) {
                    throw e;
                }
            }
            if (known != null) {
                bridges.synced(listId, known, knownVersion, head, State.PENDING, null);
                wake(listId);
                return;
            }
            bridges.stopped(listId, State.CONFLICT, "the fidelity gate: " + path + " on " + bridge.location().branch()
                    + " (commit " + head.substring(0, 7) + ") is not the list's export at version " + list.version()
                    + ", and the list did not come from it. POST /api/lists/{slug}/git/align with {\"take\": \"list\"} "
                    + "(one commit makes the file the list) or {\"take\": \"branch\"} (the file becomes the next version "
                    + "here)", head);
        }

        private Signature author(ListVersions.Version version) {
            String name = version.author().replaceAll("[<>\\n\\r\\x00]", "");
            return new Signature(name, properties.noreplyFor(name), OffsetDateTime.ofInstant(version.at(), ZoneOffset.UTC));
        }

        private String message(ListVersions.Version version) {
            String rationale = version.rationale();
            String subject;
            String body;
            if (rationale != null && !rationale.isBlank()) {
                subject = firstLine(rationale);
                body = rationale.strip();
            } else {
                subject = version.sentences().isEmpty() ? "Version " + version.version() : firstLine(version.sentences().getFirst());
                body = "";
            }
            StringBuilder message = new StringBuilder(subject.length() > 72 ? subject.substring(0, 71) + "…" : subject);
            String rest = body.startsWith(subject) ? body.substring(subject.length()).strip() : body;
            if (!rest.isEmpty()) {
                message.append("\n\n").append(rest);
            }
            if (version.sentences().size() > 1 || (rationale != null && !version.sentences().isEmpty())) {
                message.append("\n\n");
                version.sentences().forEach(s -> message.append("- ").append(firstLine(s)).append('\n'));
            }
            List<Trailer> trailers = new ArrayList<>();
            trailers.add(new Trailer(Trailers.CURATION_LIST, listId));
            trailers.add(new Trailer(Trailers.CURATION_VERSION, Long.toString(version.version())));
            if (version.proposal() != null) {
                trailers.add(new Trailer(Trailers.PROPOSAL, version.proposal()));
            }
            version.reviewers().forEach(r -> trailers.add(new Trailer(Trailers.REVIEWED_BY,
                    r.replaceAll("[<>\\n\\r]", "") + " <" + properties.noreplyFor(r) + ">")));
            return Trailers.append(message.toString().stripTrailing(), trailers);
        }

        private Signature committer() {
            return new Signature(properties.committerName(), properties.committerEmail(), OffsetDateTime.now(ZoneOffset.UTC));
        }
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int end = line.indexOf('\n');
        return (end < 0 ? line : line.substring(0, end)).strip();
    }

    private static String text(byte @Nullable [] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("git-sync")
                .daemon(true).factory());
        timer = pool;
        long every = Math.max(200, properties.pollInterval().toMillis());
        pool.scheduleWithFixedDelay(() -> {
            try {
                bridges.due().forEach(this::sync);
            } catch (RuntimeException e) {
                LOG.warn("git sync round failed", e);
            }
        }, Math.min(every, 2000), every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService pool = timer;
        timer = null;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
