package dev.curation.query.history.web;

import dev.curation.query.config.StreamProperties;
import dev.curation.query.history.ChangeStreams;
import dev.curation.query.history.ReadGate;
import dev.curation.query.history.StreamSlots;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.web.BadRequestException;
import dev.curation.query.web.NotFoundException;
import dev.curation.query.web.QueryParameters;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events: a list's changes ({@code /api/lists/{slug}/stream}) and every list's
 * ({@code /api/streams/changes}), from the history and then live, resumed after the id given in
 * {@code Last-Event-ID} (or {@code ?after=}; {@code after=now} starts after the latest change). A heartbeat comment keeps idle connections open;
 * a stream ends after {@code curation.streams.max-duration} and the client resumes; at most
 * {@code curation.streams.max-open} are open at once (503 with Retry-After beyond), and at most
 * {@code curation.streams.max-open-per-address} from one client address (429 with Retry-After beyond).
 */
@RestController
class StreamController {

    private static final Logger LOG = LoggerFactory.getLogger(StreamController.class);
    private static final int PAGE = 100;
    private static final String NOW = "now";
    private static final String NOW_DOC = "now for only the changes after the latest one at the time of the request "
            + "(the stream's first message, an id without data, then gives the client the id to resume from)";

    private final ChangeStreams streams;
    private final StreamSlots slots;
    private final ListStore lists;
    private final Duration poll;
    private final Duration heartbeat;
    private final Duration maxDuration;
    private final Propagator propagator;

    StreamController(ChangeStreams streams, StreamSlots slots, ListStore lists,
                     StreamProperties settings, Propagator propagator) {
        this.propagator = propagator;
        this.streams = streams;
        this.slots = slots;
        this.lists = lists;
        this.poll = settings.poll();
        this.heartbeat = settings.heartbeat();
        this.maxDuration = settings.maxDuration();
    }

    @Operation(summary = "A list's changes as server-sent events: one per version (what changed, before and after) and "
            + "one per proposal or settings change; resumable with Last-Event-ID (the list's event sequence)")
    @GetMapping(path = "/api/lists/{slug}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter list(@Parameter(example = "distributed-systems-notes") @PathVariable String slug,
                    @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                    @Parameter(description = "start after this id (as Last-Event-ID); 0 for the whole history; " + NOW_DOC)
                    @RequestParam(required = false) String after,
                    @Parameter(description = FORMAT_DOC) @RequestParam(required = false) String format,
                    HttpServletRequest request) {
        boolean cloudEvents = cloudEvents(format);
        StoredDocument list = lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
        String given = lastEventId != null ? lastEventId : after;
        // the list's last event when asked: a version still being written ends after it, so it is not skipped
        long from = now(given) ? list.lastSequence() : sequence(given);
        long[] cursor = {from};
        return stream(request, now(given) ? Long.toString(from) : null, cloudEvents, () -> {
            List<ChangeStreams.Change> changes = streams.ofList(list.listId(), cursor[0], PAGE);
            if (!changes.isEmpty()) {
                cursor[0] = Long.parseLong(changes.getLast().id());
            }
            return changes;
        });
    }

    @Operation(summary = "Every list's changes as server-sent events, in the order they were recorded; resumable with "
            + "Last-Event-ID (ids look like 1234.56)")
    @GetMapping(path = "/api/streams/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter all(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                   @Parameter(description = "start after this id (as Last-Event-ID); absent for the whole history; "
                           + NOW_DOC + " (changes committed a moment before may come too, while older transactions end)")
                   @RequestParam(required = false) String after,
                   @Parameter(description = FORMAT_DOC) @RequestParam(required = false) String format,
                   HttpServletRequest request) {
        boolean cloudEvents = cloudEvents(format);
        String given = lastEventId != null ? lastEventId : after;
        ChangeStreams.Position[] cursor = {now(given) ? streams.latest() : position(given)};
        return stream(request, now(given) ? cursor[0].id() : null, cloudEvents, () -> {
            List<ChangeStreams.Change> changes = streams.ofAll(cursor[0], PAGE);
            if (!changes.isEmpty()) {
                cursor[0] = ChangeStreams.Position.parse(changes.getLast().id());
            }
            return changes;
        });
    }

    private static final String FORMAT_DOC = "cloudevents for every change as a CloudEvent in structured mode JSON "
            + "(specversion, id, source, type dev.curation.change.<event name>.v1, subject, time, listversion, listsequence, "
            + "actor, and the change as data); absent for the change itself";

    /** Whether the client asked for CloudEvents ({@code format=cloudevents}); anything else but absent is a 400. */
    private static boolean cloudEvents(String format) {
        if (format == null || format.isBlank()) {
            return false;
        }
        if (format.strip().equalsIgnoreCase("cloudevents")) {
            return true;
        }
        throw new BadRequestException("format of a change stream is cloudevents (or absent for the changes themselves), not '"
                + QueryParameters.echo(format) + "'");
    }

    /** Whether the client asked for what happens from now on ({@code after=now}). */
    private static boolean now(String given) {
        return given != null && given.strip().equalsIgnoreCase(NOW);
    }

    private static long sequence(String id) {
        if (id == null || id.isBlank()) {
            return 0;
        }
        try {
            long sequence = Long.parseLong(id.strip());
            if (sequence < 0) {
                throw new NumberFormatException();
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new BadRequestException("Last-Event-ID (or after) of a list's stream is an event sequence such as 42, not '"
                    + QueryParameters.echo(id) + "'");
        }
    }

    private static ChangeStreams.Position position(String id) {
        if (id == null || id.isBlank()) {
            return ChangeStreams.Position.START;
        }
        try {
            return ChangeStreams.Position.parse(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Last-Event-ID (or after) of the change stream: " + e.getMessage());
        }
    }

    private interface Page {
        List<ChangeStreams.Change> next();
    }

    /** Ends a stream whose client may have gone meanwhile (then the request is over already). */
    private static void finish(SseEmitter emitter) {
        try {
            emitter.complete();
        } catch (IllegalStateException gone) {
            LOG.debug("a change stream ended after its client went away");
        }
    }

    /**
     * A span for sending a live change, in its edit's trace: the child of the span that projected
     * the change's (last) event. None for a change without one (before tracing, after a rebuild), nor
     * for the history a stream catches up on: old edits' traces get no late spans.
     */
    private Span sendSpan(ChangeStreams.Change change) {
        String traceparent = change.traceparent();
        if (traceparent == null) {
            return Span.NOOP;
        }
        return propagator.extract(traceparent, (carrier, key) -> "traceparent".equals(key) ? carrier : null)
                .name("stream send").kind(Span.Kind.PRODUCER).tag("curation.change", change.name()).start();
    }

    /** A stream from {@code page}; {@code start}: an id the client is to resume from until a change comes, if any. */
    private SseEmitter stream(HttpServletRequest request, String start, boolean cloudEvents, Page page) {
        // the connection's address: forwarded headers are applied (from trusted proxies only) before this
        StreamSlots.Slot slot = slots.open(request.getRemoteAddr());
        try {
            return emit(slot, start, cloudEvents, page);
        } catch (RuntimeException e) {
            slot.close(); // the stream never started
            throw e;
        }
    }

    private SseEmitter emit(StreamSlots.Slot slot, String start, boolean cloudEvents, Page page) {
        SseEmitter emitter = new SseEmitter(maxDuration.toMillis() + 60_000);
        Thread.ofVirtual().name("change-stream").start(() -> {
            long end = System.nanoTime() + maxDuration.toNanos();
            long quietSince = System.nanoTime();
            // caught up once nothing new was found: from then on each change is sent as it happens, and traced
            boolean live = false;
            try {
                SseEmitter.SseEventBuilder opening = SseEmitter.event().comment("curation change stream").reconnectTime(2000);
                // an id without data: an EventSource takes it as its last event id and dispatches nothing, so a
                // stream started "now" that ends before any change resumes from there, not from "now" again
                emitter.send(start == null ? opening : opening.id(start));
                while (System.nanoTime() < end) {
                    List<ChangeStreams.Change> changes;
                    try {
                        changes = page.next();
                    } catch (ReadGate.Busy busy) {
                        // diffs are being computed for many readers: this stream waits its turn
                        Thread.sleep(poll);
                        continue;
                    }
                    for (ChangeStreams.Change change : changes) {
                        Span span = live ? sendSpan(change) : Span.NOOP;
                        try {
                            emitter.send(SseEmitter.event().id(change.id()).name(change.name())
                                    .data(cloudEvents ? change.cloudEvent() : change.data(), MediaType.APPLICATION_JSON));
                        } finally {
                            span.end();
                        }
                    }
                    if (changes.isEmpty()) {
                        live = true;
                        if (System.nanoTime() - quietSince > heartbeat.toNanos()) {
                            emitter.send(SseEmitter.event().comment("heartbeat"));
                            quietSince = System.nanoTime();
                        }
                        Thread.sleep(poll);
                    } else {
                        quietSince = System.nanoTime();
                    }
                }
                emitter.complete();
            } catch (IOException | IllegalStateException e) {
                // the client went away: the container has finished the request already, and completing it
                // again would only throw on this thread
                LOG.debug("a change stream's client went away: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish(emitter);
            } catch (RuntimeException e) {
                // the database went away, say: end the stream as a server-sent stream ends, and the client
                // comes back with its Last-Event-ID (an error here would be a 500 with no body it can read)
                LOG.warn("a change stream stopped, the client will resume: {}", e.toString());
                finish(emitter);
            } finally {
                slot.close();
            }
        });
        return emitter;
    }
}
