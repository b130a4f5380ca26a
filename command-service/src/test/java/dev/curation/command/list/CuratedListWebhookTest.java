package dev.curation.command.list;

import dev.curation.core.input.InputException;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.WebhookReEnabled;
import dev.curation.core.list.WebhookRemoved;
import dev.curation.core.list.WebhookSubscribed;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given-when-then for webhook subscriptions: what a target and its kinds may be, and that a secret never enters an event. */
class CuratedListWebhookTest {

    private static final String LIST = "list-1";
    private static final String MARKDOWN = "# Tools\n* [Kafka](https://kafka.apache.org)\n";

    private AggregateTestFixture<CuratedList> fixture;

    @BeforeEach
    void setUp() {
        fixture = CuratedListFixture.of((slug, id) -> {
        });
    }

    @Test
    void aCuratorSubscribesAUrlToKindsOfChanges() {
        fixture.given(imported())
                .when(new ListCommand.SubscribeWebhook(LIST, "w1", " https://hooks.example/curation ", List.of("version", "proposal",
                        "version"), "fp"), actor("alice"))
                .expectEvents(new WebhookSubscribed(LIST, "w1", "https://hooks.example/curation", List.of("proposal", "version"),
                        "fp", "alice"));
        fixture.given(imported())
                .when(new ListCommand.SubscribeWebhook(LIST, "w1", "https://hooks.example/", null, "fp"), actor("alice"))
                .expectEvents(new WebhookSubscribed(LIST, "w1", "https://hooks.example/", List.of("proposal", "settings", "version"),
                        "fp", "alice"));
    }

    @Test
    void aTargetIsAnHttpUrlWithAHostAndNoCredentialsAndKindsAreKnown() {
        for (String url : List.of("ftp://hooks.example/", "https:///path", "https://user:pw@hooks.example/", "not a url", " ")) {
            fixture.given(imported())
                    .when(new ListCommand.SubscribeWebhook(LIST, "w1", url, null, "fp"), actor("alice"))
                    .expectException(InputException.Invalid.class)
                    .expectNoEvents();
        }
        fixture.given(imported())
                .when(new ListCommand.SubscribeWebhook(LIST, "w1", "https://hooks.example/", List.of("everything"), "fp"),
                        actor("alice"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("'everything'"));
    }

    @Test
    void aListHasAtMostTwentyWebhooks() {
        List<Object> many = new ArrayList<>(imported());
        for (int i = 0; i < 20; i++) {
            many.addAll(versioned(new WebhookSubscribed(LIST, "w" + i, "https://hooks.example/" + i, List.of("version"), "fp", "alice")));
        }
        fixture.given(many)
                .when(new ListCommand.SubscribeWebhook(LIST, "w20", "https://hooks.example/20", null, "fp"), actor("alice"))
                .expectException(InputException.Invalid.class);
        many.addAll(versioned(new WebhookRemoved(LIST, "w3", "alice")));
        fixture.given(many)
                .when(new ListCommand.SubscribeWebhook(LIST, "w20", "https://hooks.example/20", null, "fp"), actor("alice"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyAnExistingWebhookIsRemovedOrTurnedOnAgain() {
        List<Object> subscribed = new ArrayList<>(imported());
        subscribed.addAll(versioned(new WebhookSubscribed(LIST, "w1", "https://hooks.example/", List.of("version"), "fp", "alice")));
        fixture.given(subscribed)
                .when(new ListCommand.ReEnableWebhook(LIST, "w1"), actor("bob"))
                .expectEvents(new WebhookReEnabled(LIST, "w1", "bob"));
        fixture.given(subscribed)
                .when(new ListCommand.RemoveWebhook(LIST, "w1"), actor("bob"))
                .expectEvents(new WebhookRemoved(LIST, "w1", "bob"));
        fixture.given(imported())
                .when(new ListCommand.RemoveWebhook(LIST, "w9"), actor("bob"))
                .expectException(ListRuleException.NoSuchWebhook.class);
    }

    private static MetaData actor(String name) {
        return CuratedListFixture.actor(name);
    }

    private List<Object> imported() {
        List<Object> events = new ArrayList<>();
        for (ListEvent e : ImportEvents.of(new ImportList(LIST, "tools", MARKDOWN))) {
            events.add(versioned(e).getFirst());
        }
        return events;
    }

    private static List<Object> versioned(ListEvent... events) {
        return CuratedListFixture.versioned(LIST, 1, events);
    }
}
