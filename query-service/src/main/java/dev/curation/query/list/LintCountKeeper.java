package dev.curation.query.list;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the list of lists' lint counts current, off the projection's path: lists whose counts are
 * not of their current version (a version completed, the lint profile changed, a rebuild swapped
 * in fresh tables, a list last changed before the counts were kept) are counted within about a
 * second, at most a hundred a round and a round a second, with a pause of at least four times the
 * round's length between rounds (a fifth of a core at most). Linting a 10k-entry list takes tens of milliseconds; inside the projection's
 * transaction it delayed every edit of the batch on its way to readers.
 */
@Component
class LintCountKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LintCountKeeper.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final int AT_ONCE = 100;

    private final LintCounts counts;
    private volatile boolean stopped;

    LintCountKeeper(LintCounts counts) {
        this.counts = counts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Thread.ofVirtual().name("lint-count-keeper").start(this::keep);
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        stopped = true;
    }

    private void keep() {
        while (!stopped) {
            try {
                long started = System.nanoTime();
                for (LintCounts.Missing list : counts.due(AT_ONCE)) {
                    if (stopped) {
                        return;
                    }
                    counts.count(list.listId(), list.version());
                }
                // a round a second at most: a list edited all the time is counted once a second, not
                // once per version; and a pause of at least four times the round, so that the counting
                // takes at most a fifth of a core from the projection (with 64 long lists edited all
                // the time it took most of one, profiled)
                Duration round = Duration.ofNanos(System.nanoTime() - started);
                Thread.sleep(PAUSE.compareTo(round.multipliedBy(4)) >= 0 ? PAUSE : round.multipliedBy(4));
            } catch (InterruptedException stop) {
                return;
            } catch (RuntimeException e) {
                // a database away, a list that does not fold: the counts stay as they were, tried again
                LOG.debug("counting lint problems failed: {}", e.toString());
                try {
                    Thread.sleep(PAUSE.multipliedBy(8));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }
}
