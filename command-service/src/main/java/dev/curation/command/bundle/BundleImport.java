package dev.curation.command.bundle;

import dev.curation.command.list.EventMetadata;
import dev.curation.command.list.SlugRegistry;
import dev.curation.command.web.ImportProperties;
import dev.curation.core.decider.ListState;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.GitBridgeRemoved;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.MemberRoleSet;
import dev.curation.core.list.WebhookRemoved;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports a bundle as a new list with its whole history. The body is read once, line by line,
 * into a spool file while every event is checked and folded ({@link ListState#evolve}) in order
 * and the lines are hashed; only a bundle whose checksum matches and whose events fold is then
 * stored, from the spool, in one transaction with the slug claim: every event with its version,
 * actor, time and correlation id as exported (new event ids), then, by the importer, what makes
 * the list theirs on this installation: the importer an owner, its webhooks and git bridge off.
 */
@Component
public class BundleImport {

    private static final int BATCH = 256;

    /** The list made: its new id, slug, last version and the number of events stored. */
    public record Imported(String listId, String slug, long version, long events) {
    }

    /** What the check of a bundle learnt, for storing it. */
    private record Checked(String sourceListId, long events, long version) {
    }

    private final EventStore events;
    private final Serializer serializer;
    private final SlugRegistry slugs;
    private final TransactionTemplate transactions;
    private final int maxEventBytes;
    private final int maxLineBytes;
    private final long maxEvents;
    private final JsonMapper json;

    BundleImport(EventStore events, @Qualifier("eventSerializer") Serializer serializer, SlugRegistry slugs,
                 PlatformTransactionManager transactions, InputLimits limits, ImportProperties properties) {
        this.events = events;
        this.serializer = serializer;
        this.slugs = slugs;
        this.transactions = new TransactionTemplate(transactions);
        this.maxEventBytes = limits.maxEventBytes();
        // a payload of the largest event, escaped at worst, and its envelope
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 8, 2L * maxEventBytes + 64 * 1024);
        this.maxEvents = properties.maxBundleEvents();
        // hostile lines: no deep nesting, no duplicate keys, nothing after the object
        this.json = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                                .maxStringLength(maxLineBytes).build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Imports the bundle {@code body} as list {@code slug}, by {@code importer}; refuses with {@link BundleRefusal}. */
    public Imported importBundle(InputStream body, String slug, String importer) throws IOException {
        Path spool = Files.createTempFile("list-bundle-", ".ndjson");
        try {
            String listId = UUID.randomUUID().toString();
            Checked checked;
            try (OutputStream out = Files.newOutputStream(spool)) {
                checked = check(body, out, listId, slug);
            }
            Imported imported = transactions.execute(tx -> store(spool, checked, listId, slug, importer));
            if (imported == null) {
                throw new IllegalStateException("the import's transaction answered nothing");
            }
            return imported;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private Checked check(InputStream body, OutputStream spool, String listId, String slug) throws IOException {
        BundleLines lines = new BundleLines(body, maxLineBytes);
        MessageDigest digest = BundleExport.sha256();
        byte[] first = lines.next();
        if (first == null) {
            throw BundleRefusal.invalid("format", "the body is empty: send a list bundle (GET /api/lists/{slug}/export)");
        }
        ObjectNode header;
        try {
            header = header(parse(first, 1));
        } catch (BundleRefusal e) {
            throw e.field().equals("line") ? BundleRefusal.invalid("format", "the first line is not a list bundle's "
                    + "header (one JSON object with format \"" + BundleFormat.NAME + "\"): is this NDJSON from "
                    + "GET /api/lists/{slug}/export?") : e;
        }
        long declared = BundleEventLine.number(header, "events", 1);
        if (declared > maxEvents) {
            throw BundleRefusal.tooLarge("events", "the bundle has " + declared + " events, more than "
                    + maxEvents + " (curation.import.max-bundle-events)");
        }
        BundleEventLine.Target target = new BundleEventLine.Target(BundleEventLine.text(header, "listId", 1, true),
                listId, slug);
        hashed(first, digest, spool);
        ListState state = ListState.initial();
        long sequence = 0;
        long version = 0;
        String checksum = null;
        // a refusal found in the events waits for the checksum: a damaged bundle is answered as damaged
        BundleRefusal refused = null;
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            if (checksum != null) {
                if (new String(line, StandardCharsets.UTF_8).isBlank()) {
                    continue;
                }
                throw BundleRefusal.invalid("checksum", "line " + lines.number() + " follows the checksum line");
            }
            try {
                ObjectNode node = parse(line, lines.number());
                if (node.has("checksum")) {
                    checksum = node.get("checksum").isString() ? node.get("checksum").asString() : "";
                    continue;
                }
                if (refused == null) {
                    if (sequence >= declared) {
                        throw BundleRefusal.doesNotFold("events", "line " + lines.number() + ": more events than the "
                                + declared + " the header declares");
                    }
                    BundleEventLine event = BundleEventLine.read(node, lines.number(), target, serializer, maxEventBytes);
                    fold(state, event, sequence, version);
                    version = event.version();
                    sequence++;
                }
            } catch (BundleRefusal e) {
                refused = refused == null ? e : refused;
            }
            hashed(line, digest, spool);
        }
        if (checksum == null) {
            throw BundleRefusal.invalid("checksum", "the bundle ends without its checksum line: it was cut short");
        }
        String computed = BundleFormat.SHA_256 + HexFormat.of().formatHex(digest.digest());
        if (!computed.equals(checksum)) {
            throw BundleRefusal.checksum("the bundle's checksum is " + checksum + ", its lines hash to " + computed
                    + ": it was changed or damaged on the way");
        }
        if (refused != null) {
            throw refused;
        }
        if (sequence != declared) {
            throw BundleRefusal.doesNotFold("events", "the header declares " + declared + " events, the bundle has "
                    + sequence);
        }
        if (sequence == 0) {
            throw BundleRefusal.doesNotFold("events", "the bundle has no events");
        }
        if (state.importing() != null) {
            throw BundleRefusal.doesNotFold("events", "the list was still importing its git history when it was "
                    + "exported: export it again once the import is complete");
        }
        return new Checked(target.sourceListId(), sequence, version);
    }

    private static void fold(ListState state, BundleEventLine event, long sequence, long version) {
        String at = "event " + sequence + " (" + event.payload().getClass().getSimpleName() + ")";
        if (event.sequence() != sequence) {
            throw BundleRefusal.doesNotFold("sequence", at + ": sequence " + event.sequence() + " where " + sequence
                    + " comes next: an event is missing or out of order");
        }
        if ((sequence == 0) != (event.payload() instanceof ListImported)) {
            throw BundleRefusal.doesNotFold("type", at + ": a list's first event, and only its first, is ListImported");
        }
        long lowest = sequence == 0 ? 1 : version;
        if (event.version() < lowest || event.version() > Math.max(1, version + 1)) {
            throw BundleRefusal.doesNotFold("version", at + ": version " + event.version() + " after version " + version
                    + " (versions start at 1 and go up one at a time)");
        }
        try {
            state.evolve(event.payload(), event.version(), event.actor());
        } catch (RuntimeException e) {
            String why = e instanceof NullPointerException || e.getMessage() == null ? "a field it needs is missing"
                    : e.getMessage();
            throw BundleRefusal.doesNotFold("payload", at + " does not apply to the list before it: " + why);
        }
    }

    private Imported store(Path spool, Checked checked, String listId, String slug, String importer) {
        slugs.claim(slug, listId);
        BundleEventLine.Target target = new BundleEventLine.Target(checked.sourceListId(), listId, slug);
        ListState state = ListState.initial();
        String correlation = UUID.randomUUID().toString();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        long sequence = 0;
        try (InputStream in = Files.newInputStream(spool)) {
            BundleLines lines = new BundleLines(in, maxLineBytes);
            lines.next(); // the header, checked
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                BundleEventLine event = BundleEventLine.read(parse(line, lines.number()), lines.number(), target,
                        serializer, maxEventBytes);
                state.evolve(event.payload(), event.version(), event.actor());
                batch.add(message(listId, sequence++, event.payload(), event.version(), event.endOfVersion(), event.actor(),
                        event.correlationId() == null ? correlation : event.correlationId(), event.timestamp()));
                if (batch.size() == BATCH) {
                    events.publish(batch);
                    batch.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // what makes the list the importer's here, as settings made now by them
        Instant now = Instant.now();
        List<ListEvent> own = new ArrayList<>();
        if (state.members().roles().get(importer) != ListRole.OWNER) {
            own.add(new MemberRoleSet(listId, importer, ListRole.OWNER.wire(), importer));
        }
        state.webhooks().forEach(hook -> own.add(new WebhookRemoved(listId, hook, importer)));
        if (state.bridge() != null) {
            own.add(new GitBridgeRemoved(listId, importer));
        }
        for (ListEvent event : own) {
            batch.add(message(listId, sequence++, event, checked.version(), true, importer, correlation, now));
        }
        events.publish(batch);
        return new Imported(listId, slug, checked.version(), sequence);
    }

    private static DomainEventMessage<?> message(String listId, long sequence, ListEvent payload, long version,
                                                 boolean endOfVersion, @Nullable String actor, String correlation,
                                                 Instant timestamp) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(EventMetadata.VERSION, version);
        metadata.put(EventMetadata.END_OF_VERSION, endOfVersion);
        metadata.put(EventMetadata.CORRELATION_ID, correlation);
        if (actor != null) {
            metadata.put(EventMetadata.ACTOR, actor);
        }
        return new GenericDomainEventMessage<>(BundleFormat.AGGREGATE_TYPE, listId, sequence, payload, metadata,
                UUID.randomUUID().toString(), timestamp);
    }

    private ObjectNode header(ObjectNode header) {
        JsonNode format = header.get("format");
        if (format == null || !format.isString() || !BundleFormat.NAME.equals(format.asString())) {
            throw BundleRefusal.invalid("format", "the first line is not a list bundle's header (format \""
                    + BundleFormat.NAME + "\")");
        }
        JsonNode version = header.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || version.asLong() != BundleFormat.VERSION) {
            throw BundleRefusal.invalid("formatVersion", "format version " + version + " is unknown here: this "
                    + "installation reads version " + BundleFormat.VERSION);
        }
        return header;
    }

    private ObjectNode parse(byte[] line, long number) {
        try {
            if (json.readTree(line) instanceof ObjectNode node) {
                return node;
            }
        } catch (JacksonException e) {
            // answered below, without the parser's words
        }
        throw BundleRefusal.invalid("line", "line " + number + " is not one JSON object (the bundle is NDJSON)");
    }

    private static void hashed(byte[] line, MessageDigest digest, OutputStream spool) throws IOException {
        digest.update(line);
        digest.update((byte) '\n');
        spool.write(line);
        spool.write('\n');
    }
}
