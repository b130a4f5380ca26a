package dev.curation.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A receiver's URL is its credential: only its origin may reach an event. */
class WebhooksTest {

    @Test
    void anOriginKeepsSchemeHostAndPortOnly() {
        assertThat(Webhooks.origin("https://hooks.slack.com/services/T0/B0/SECRET?token=SECRET#SECRET"))
                .isEqualTo("https://hooks.slack.com");
        assertThat(Webhooks.origin("HTTP://Hooks.Example:8443/x")).isEqualTo("http://hooks.example:8443");
        assertThat(Webhooks.origin("https://user:SECRET@hooks.example/")).isEqualTo("https://hooks.example");
        assertThat(Webhooks.origin("http://[::1]:9/SECRET")).isEqualTo("http://[::1]:9");
    }

    @Test
    void aUrlThatDoesNotParseShowsNothing() {
        assertThat(Webhooks.origin("not a url SECRET")).isEmpty();
        assertThat(Webhooks.origin("mailto:SECRET@example.org")).isEmpty();
        assertThat(Webhooks.origin(null)).isEmpty();
    }

    @Test
    void anEventNeverHoldsTheWholeUrlEvenWhenReadFromAnOldRevision() {
        WebhookSubscribed event = new WebhookSubscribed("l1", "w1", "https://hooks.example/T0/B0/SECRET", List.of("version"),
                "fp", "alice");
        assertThat(event.url()).isEqualTo("https://hooks.example");
        assertThat(event.toString()).doesNotContain("SECRET");
    }
}
