package dev.curation.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkWatchTest {

    private static LinkCheck unanswered(String url) {
        return new LinkCheck(url, LinkCheck.Outcome.FAILED, null, null, List.of(), 3, 10_000, "no answer within 10000 ms");
    }

    private static LinkCheck answered(String url, LinkCheck.Outcome outcome, int status) {
        return new LinkCheck(url, outcome, status, url, List.of(), 1, 20, outcome == LinkCheck.Outcome.OK ? null : "status " + status);
    }

    @Test
    void noAnswerFromManyHostsIsThisSidesOutage() {
        NetworkWatch watch = new NetworkWatch(20, 5, 0.9);
        for (int i = 0; i < 20; i++) {
            watch.record(unanswered("https://site" + i + ".example/page"));
        }
        assertThat(watch.looksDown()).isTrue();
        // answers come back: the outage is over
        for (int i = 0; i < 10; i++) {
            watch.record(answered("https://site" + i + ".example/page", LinkCheck.Outcome.OK, 200));
        }
        assertThat(watch.looksDown()).isFalse();
    }

    @Test
    void oneDeadSiteOrStatusesAreNeverAnOutage() {
        NetworkWatch watch = new NetworkWatch(20, 5, 0.9);
        for (int i = 0; i < 20; i++) {
            watch.record(unanswered("https://gone.example/page" + i));
        }
        assertThat(watch.looksDown()).as("one host").isFalse();
        NetworkWatch statuses = new NetworkWatch(20, 5, 0.9);
        for (int i = 0; i < 20; i++) {
            statuses.record(answered("https://site" + i + ".example/", LinkCheck.Outcome.FAILED, 404));
        }
        assertThat(statuses.looksDown()).as("answers, even failing ones").isFalse();
        NetworkWatch few = new NetworkWatch(20, 5, 0.9);
        for (int i = 0; i < 6; i++) {
            few.record(unanswered("https://site" + i + ".example/"));
        }
        assertThat(few.looksDown()).as("too few checks to tell").isFalse();
    }
}
