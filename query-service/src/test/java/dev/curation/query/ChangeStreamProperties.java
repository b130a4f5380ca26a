package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.DocumentDiff;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ProposalCommented;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.query.SseClient.Sse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.constraints.IntRange;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;

/**
 * The stream is the history: for random sequences of edits of every kind (links, topics, text),
 * interleaved with proposals and comments, a list's change stream has exactly one change per
 * version and per review event, in order; each version's before and after are the structural diff
 * of the write side's documents; resumed from any point it gives exactly the rest; and the stream
 * of all lists carries the same changes in the same order.
 *
 * <p>jqwik has no Spring extension for Boot 4, so each property gets the application context of
 * the other {@link KafkaFedTest}s (the same cached one) through Spring's {@link TestContextManager}.
 */
class ChangeStreamProperties extends KafkaFedTest {

    private static final TestContextManager SPRING = new TestContextManager(ChangeStreamProperties.class);
    private static final String MARKDOWN = """
            # Property
            Intro text.
            ## A
            - [One](https://one.example) - One.
            - [Two](https://two.example) - Two.
            ## B
            ### B1
            - [Three](https://three.example) - Three.
            """;

    /** One step of a session: an edit of some kind, or a review event; picks choose its targets. */
    record Step(int kind, int pick, int other, boolean flag) {
    }

    /** What the stream must carry for one step that was accepted. */
    private record Expected(String name, long sequence, long version, DocumentDiff diff, ListEvent event) {
    }

    @BeforeProperty
    void springContext() throws Exception {
        createTopic();
        SPRING.prepareTestInstance(this);
    }

    @Provide
    Arbitrary<List<Step>> sessions() {
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 999),
                        Arbitraries.integers().between(0, 999), Arbitraries.of(true, false))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 12)
    void aListsStreamIsItsHistory(@ForAll("sessions") List<Step> session, @ForAll @IntRange(max = 100) int cutPercent)
            throws Exception {
        String listId = UUID.randomUUID().toString();
        String slug = "prop-" + listId.substring(0, 8);
        List<Expected> expected = new ArrayList<>();
        long sequence = importList(listId, slug, MARKDOWN).size();
        expected.add(new Expected("version", sequence - 1, 1, null, null));
        ListDocument document = read(MARKDOWN);
        long version = 1;
        String proposal = null;
        int n = 0;
        for (Step step : session) {
            n++;
            if (step.kind() >= 11) {
                ListEvent event = proposal == null || step.kind() == 11
                        ? new ProposalSubmitted(listId, proposal = "p" + n + "-" + UUID.randomUUID(), version, "why " + n,
                        List.of(new EditSpec("addSection", null, null, null, null, null, "Proposed " + n, null, null, null, null)),
                        "carol")
                        : new ProposalCommented(listId, proposal, "c" + n, 1, null, null, "Comment " + n, "bob");
                publish(listId, version, sequence, List.of(event), 0, 1, false);
                expected.add(new Expected("proposal", sequence, version, null, event));
                sequence++;
                continue;
            }
            Edit edit = edit(document, step, n);
            try {
                ListEditor.decide(listId, document, new IdSequence(1_000_000 * (version + 1)), List.of(edit));
            } catch (EditException refused) {
                continue; // refused: no version, nothing in the stream
            }
            ListDocument before = document.copy();
            version++;
            sequence += applyEdits(listId, slug, document, version, sequence, edit);
            expected.add(new Expected("version", sequence - 1, version, DocumentDiff.between(before, document), null));
        }

        List<Sse> stream = sse().read("/api/lists/" + slug + "/stream", null, expected.size());
        assertThat(stream).extracting(Sse::name).containsExactlyElementsOf(expected.stream().map(Expected::name).toList());
        assertThat(stream).extracting(Sse::id).containsExactlyElementsOf(expected.stream()
                .map(e -> Long.toString(e.sequence())).toList());
        for (int i = 0; i < stream.size(); i++) {
            JsonNode data = stream.get(i).data();
            Expected want = expected.get(i);
            assertThat(data.get("version").asLong()).as("change %d", i).isEqualTo(want.version());
            if (want.event() != null) {
                assertThat(data.get("event")).as("change %d", i).isEqualTo(json.readTree(json.writeValueAsBytes(want.event())));
            } else if (want.diff() != null) {
                assertThat(data.get("kind").asString()).isEqualTo("edit");
                assertThat(data.get("entries")).as("version %d", want.version()).isEqualTo(json.readTree(json.writeValueAsBytes(want.diff().entries())));
                assertThat(data.get("sections")).as("version %d", want.version()).isEqualTo(json.readTree(json.writeValueAsBytes(want.diff().sections())));
            }
        }

        // a client that hung up anywhere gets exactly the rest
        int cut = Math.min(stream.size() - 1, stream.size() * cutPercent / 100);
        if (cut < stream.size() - 1) {
            assertThat(sse().read("/api/lists/" + slug + "/stream", stream.get(cut).id(), stream.size() - cut - 1))
                    .isEqualTo(stream.subList(cut + 1, stream.size()));
        }

        // the stream of all lists, from just before this list's first event: the same changes in the same order
        String start = jdbc.sql("SELECT tx::text || '.' || (position - 1) FROM list_event WHERE list_id = ? ORDER BY tx, position LIMIT 1")
                .param(listId).query(String.class).single();
        List<Sse> all = sse().read("/api/streams/changes", start, events -> events.stream()
                .filter(e -> e.data().get("listId").asString().equals(listId)).count() == expected.size());
        List<JsonNode> mine = all.stream().map(Sse::data).filter(d -> d.get("listId").asString().equals(listId)).toList();
        assertThat(mine).containsExactlyElementsOf(stream.stream().map(Sse::data).toList());
        assertThat(IntStream.range(1, all.size()).allMatch(i -> !all.get(i).id().equals(all.get(i - 1).id()))).isTrue();
    }

    private SseClient sse() {
        return new SseClient(http, json, port);
    }

    /** An edit of the kind the step names, on targets it picks; it may be one the list refuses. */
    private static Edit edit(ListDocument document, Step step, int n) {
        List<DocumentNode> nodes = document.nodes();
        List<String> sections = nodes.stream().filter(x -> x.kind() == DocumentNode.Kind.SECTION).map(DocumentNode::id).toList();
        List<String> entries = nodes.stream().filter(x -> x.kind() == DocumentNode.Kind.ENTRY).map(DocumentNode::id).toList();
        List<String> texts = nodes.stream().filter(x -> x.kind() == DocumentNode.Kind.TEXT && !x.raw().isBlank())
                .map(DocumentNode::id).toList();
        if (sections.isEmpty()) {
            return new Edit.AddSection(null, null, "Topic " + n);
        }
        String section = sections.get(step.pick() % sections.size());
        String other = sections.get(step.other() % sections.size());
        String entry = entries.isEmpty() ? "e0" : entries.get(step.pick() % entries.size());
        return switch (step.kind()) {
            case 0, 1 -> new Edit.AddLink(section, step.flag() ? null : step.other() % 3, "Link " + n,
                    "https://example.com/" + n, step.flag() ? null : "Added " + n + ".");
            case 2 -> new Edit.EditLink(entry, step.flag() ? "Renamed " + n : null,
                    step.flag() ? null : "https://edited.example/" + n, "Edited " + n + ".");
            case 3 -> new Edit.RemoveLink(entry);
            case 4 -> new Edit.MoveLink(entry, other, step.flag() ? null : 0);
            case 5 -> new Edit.AddSection(step.flag() ? null : section, step.flag() ? null : 0, "Topic " + n);
            case 6 -> new Edit.RenameSection(section, "Renamed topic " + n);
            case 7 -> new Edit.MoveSection(section, step.flag() ? null : other, step.flag() ? null : 0);
            case 8 -> new Edit.RemoveSection(section, step.flag());
            case 9 -> new Edit.AddText(section, null, "Note " + n);
            default -> texts.isEmpty() ? new Edit.AddText(section, 0, "Intro " + n)
                    : new Edit.EditText(texts.get(step.pick() % texts.size()), "Text " + n);
        };
    }
}
