package dev.curation.query.list;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.curation.core.document.ListDocument;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.GitCommit;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.query.history.GitAuthorship;
import dev.curation.query.history.HistoryRecorder;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ObjLongConsumer;
import org.jspecify.annotations.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a projection's records to the list read models, in the caller's transaction, and keeps
 * the lists as the last committed batch left them. {@link ListProjection} decides the
 * transactions and what happens when one fails; this class only applies, and is told afterwards
 * whether what it applied was committed ({@link #commit}) or not ({@link #evict}).
 */
final class ListBatches {

    private static final Logger LOG = LoggerFactory.getLogger(ListBatches.class);
    /** How a quarantine for a missing event starts: such a list retries by itself when records arrive. */
    static final String SEQUENCE_GAP = "sequence gap: ";

    private final ListStore store;
    private final ProposalStore proposals;
    private final LintProfiles lintProfiles;
    private final LintCounts lintCounts;
    private final EntryIndex entries;
    private final HistoryRecorder history;
    private final JsonMapper json;
    /** Told each version readers can now see (after the commit); a rebuild's readers see nothing yet. */
    private final ObjLongConsumer<String> visible;
    /** A span per applied record, child of its {@code traceparent}: the edit's trace reaches the projection. */
    private final Tracer tracer;
    private final Propagator propagator;
    /**
     * Lists as the last committed batch left them, so that a batch does not load and parse the
     * whole document of every list it touches. Written only after a commit; a failed batch evicts
     * the lists it touched (their documents may hold half-applied events). A list that does not fit
     * is loaded from its snapshot again when next needed.
     */
    private final Cache<String, Working> committed;
    /** The cache's bound in KB: two fifths of the heap unless set; halved while a rebuild runs. */
    private final long bound;
    /** Lists batches found in memory, or had to fold from the database: whether the edited lists fit. */
    private final LongAdder fromMemory = new LongAdder();
    private final LongAdder fromDatabase = new LongAdder();

    ListBatches(ListStore store, ProposalStore proposals, LintProfiles lintProfiles, LintCounts lintCounts, EntryIndex entries,
                HistoryRecorder history, JsonMapper json, ObjLongConsumer<String> visible, long itemsInMemory,
                Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.store = store;
        this.proposals = proposals;
        this.lintProfiles = lintProfiles;
        this.lintCounts = lintCounts;
        this.entries = entries;
        this.history = history;
        this.json = json;
        this.visible = visible;
        this.bound = itemsInMemory > 0 ? itemsInMemory : Runtime.getRuntime().maxMemory() * 2 / 5 / 1024;
        this.committed = newCache(bound);
    }

    /**
     * Batches applied by the same rules into lists of their own, telling readers nothing (a rebuild's);
     * untraced: a rebuild applies the whole topic again, which is no request's work.
     */
    ListBatches unseen() {
        // the rebuild's lists share the budget: the live ones keep half of it until rebuildEnded (with
        // a whole budget each, a full benchmark's rebuild ran the query service out of heap)
        long half = Math.max(1, bound / 2);
        committed.policy().eviction().ifPresent(eviction -> eviction.setMaximum(half));
        return new ListBatches(store, proposals, lintProfiles, lintCounts, entries, history, json, (slug, version) -> {
        }, half, Tracer.NOOP, Propagator.NOOP);
    }

    /** The bound of the lists kept between batches now, in KB. */
    long budget() {
        return committed.policy().eviction().map(eviction -> eviction.getMaximum()).orElse(Long.MAX_VALUE);
    }

    /** The rebuild {@link #unseen} was made for ended (swapped, failed or stopped): the live lists get the whole budget again. */
    void rebuildEnded() {
        committed.policy().eviction().ifPresent(eviction -> eviction.setMaximum(bound));
    }

    /** Bounded by the items the lists hold, not by their number: a few huge lists must not exhaust the heap. */
    private static Cache<String, Working> newCache(long bound) {
        // weighed in KB of heap as estimated (an item takes 0.4 to 1 KB); by default two fifths of the
        // heap: a batch applies every list it touches, and a list that missed here is folded from its
        // snapshot and events. With a quarter, 64 lists of 4,900 links edited at 500/s did not fit a
        // 384 MB heap and visibility fell 4 s behind in garbage collection; fitting, 0.1 s (profiled)
        return Caffeine.newBuilder()
                .maximumWeight(bound)
                .weigher((String id, Working w) -> (int) Math.min(Integer.MAX_VALUE, 1 + w.document.estimatedBytes() / 1024))
                .executor(Runnable::run).build();
    }

    /** Drops what is kept in memory of lists; they are read from the database when next needed. */
    void forget() {
        committed.invalidateAll();
    }

    /** Lists batches found in memory, so far. */
    long loadsFromMemory() {
        return fromMemory.sum();
    }

    /** Lists batches folded from the database (snapshot and events), so far. */
    long loadsFromDatabase() {
        return fromDatabase.sum();
    }

    /** The transaction that applied {@code applied} committed: readers may see its versions, its lists are kept. */
    void commit(Map<String, Working> applied) {
        applied.values().forEach(w -> {
            if (w.published != null) {
                // committed: reads waiting for this version (minVersion) may go on
                visible.accept(w.slug, w.published.version());
            }
            w.published = null;
            w.dirty = false;
            w.lintProfileChanged = false;
        });
        committed.putAll(applied);
    }

    /** Lists a failed transaction touched may hold half-applied events in memory. */
    void evict(List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(r -> committed.invalidate(r.key()));
    }

    /** Applies the records in the caller's transaction; returns the lists they changed, for {@link #commit}. */
    Map<String, Working> apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Working> lists = new LinkedHashMap<>();
        HistoryRecorder.Batch recorded = history.batch();
        EntryIndex.Batch indexed = entries.batch();
        for (ConsumerRecord<String, byte[]> record : records) {
            // the trace of the request that caused the event: its span, and its trace id in every log line about it
            Span span = propagator.extract(record, ListBatches::header).name("project " + record.topic())
                    .kind(Span.Kind.CONSUMER).tag("messaging.system", "kafka")
                    .tag("messaging.destination.name", record.topic()).start();
            Tracer.SpanInScope scope = tracer.withSpan(span);
            try {
                applyOne(record, lists, recorded, indexed, traceparent(span));
            } catch (RuntimeException e) {
                span.error(e);
                throw new ProjectionFailures.RecordFailed(record, e);
            } finally {
                scope.close();
                span.end();
            }
        }
        recorded.flush();
        indexed.flush();
        lists.values().stream().filter(w -> w.dirty).forEach(w -> store.save(w.snapshot(), w.published));
        // the counts are made again by LintCountKeeper, after this transaction
        lists.values().stream().filter(w -> w.lintProfileChanged).forEach(w -> lintCounts.stale(w.listId));
        return lists;
    }

    private static @Nullable String header(@Nullable ConsumerRecord<String, byte[]> record, String key) {
        Header header = record == null ? null : record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The span's W3C traceparent; none when not traced (a rebuild's NOOP propagator writes nothing). */
    private @Nullable String traceparent(Span span) {
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, (c, key, value) -> {
            if (c != null) {
                c.put(key, value);
            }
        });
        return carrier.get("traceparent");
    }

    private void applyOne(ConsumerRecord<String, byte[]> record, Map<String, Working> lists,
                          HistoryRecorder.Batch recorded, EntryIndex.Batch indexed, @Nullable String traceparent) {
        ArrivedEvent arrived = ArrivedEvent.read(json, record);
        EventEnvelope envelope = arrived.envelope();
        Working list = lists.computeIfAbsent(envelope.listId(), this::load);
        long applied = list == null ? -1 : list.lastSequence;
        if (envelope.sequence() <= applied) {
            LOG.debug("skipping redelivered event {} of list {} (sequence {} <= {})", envelope.eventId(),
                    envelope.listId(), envelope.sequence(), applied);
            return;
        }
        if (envelope.sequence() != applied + 1) {
            throw new IllegalStateException(SEQUENCE_GAP + "event " + envelope.eventId() + " of list " + envelope.listId()
                    + " has sequence " + envelope.sequence() + " but " + (applied + 1) + " was expected; republish "
                    + "from the event store to repair it");
        }
        if (list == null) {
            if (!(envelope.payload() instanceof ListImported imported)) {
                throw new IllegalStateException("list " + envelope.listId() + " starts with " + envelope.type());
            }
            list = new Working(imported.listId(), imported.slug());
            lists.put(list.listId, list);
            // the list row must exist before rows that refer to it
            store.create(imported.listId(), imported.slug(), envelope.timestamp(), envelope.actor());
        }
        proposals.apply(envelope);
        lintProfiles.apply(envelope);
        store.git(envelope);
        recorded.record(envelope, arrived.payloadJson(), list.document, traceparent);
        list.apply(envelope);
        indexed.apply(envelope);
        if (envelope.endOfVersion()) {
            recorded.complete(envelope, list.document);
        }
    }

    /** A list as the last committed batch left it: kept in memory, or folded from the database; null if new. */
    private @Nullable Working load(String listId) {
        Working kept = committed.getIfPresent(listId);
        if (kept != null) {
            fromMemory.increment();
            return kept;
        }
        Optional<StoredDocument> stored = store.byId(listId);
        stored.ifPresent(s -> fromDatabase.increment());
        return stored.map(Working::new).orElse(null);
    }

    /** A list being changed by the current batch. */
    static final class Working {
        private final String listId;
        private final String slug;
        private long version;
        private long lastSequence = -1;
        private ListDocument document;
        private boolean dirty;
        /** The last version completed in this batch, if any: what readers get to see. */
        private PublishedVersion published;
        /**
         * The lint profile changed in this batch: the lint counts are to be made again even where the
         * version did not move (a new version makes them out of date by itself: they name theirs).
         */
        private boolean lintProfileChanged;
        /**
         * The commit the version being applied comes from, if it is from git: readers see its author
         * and date as the version's. Unknown when the list was loaded again in the middle of such a
         * version (a restart between its events): then the sender's, for the list's last change only.
         */
        private @Nullable GitCommit commit;

        Working(String listId, String slug) {
            this.listId = listId;
            this.slug = slug;
            this.document = new ListDocument();
        }

        Working(StoredDocument stored) {
            this(stored.listId(), stored.slug());
            this.version = stored.version();
            this.lastSequence = stored.lastSequence();
            this.document = stored.document();
        }

        /** Applies an event; a completed version becomes what readers see (the batch's last one wins). */
        void apply(EventEnvelope envelope) {
            document = ListFold.apply(document, envelope.payload());
            GitCommit opened = GitAuthorship.commitOf(envelope.payload());
            if (opened != null) {
                commit = opened;
            }
            lintProfileChanged |= envelope.payload() instanceof LintProfileChanged;
            version = envelope.version();
            lastSequence = envelope.sequence();
            dirty = true;
            if (envelope.endOfVersion()) {
                published = commit == null ? PublishedVersion.of(version, document, envelope.timestamp(), envelope.actor())
                        : PublishedVersion.of(version, document, GitAuthorship.time(commit, envelope.timestamp()),
                                GitAuthorship.actor(commit));
                commit = null;
            }
        }

        StoredDocument snapshot() {
            return new StoredDocument(listId, slug, version, lastSequence, document);
        }
    }
}
