package dev.curation.query.list;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the lint problems of lists that have none counted: lists last changed before the
 * projection kept the counts (migration V16). Once, after startup, off the startup thread; a
 * list the projection counts first is left as it counted it.
 */
@Component
class LintCountBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(LintCountBackfill.class);

    private final LintCounts counts;

    LintCountBackfill(LintCounts counts) {
        this.counts = counts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Thread.ofVirtual().name("lint-count-backfill").start(this::backfill);
    }

    private void backfill() {
        try {
            int counted = 0;
            for (LintCounts.Missing list : counts.missing()) {
                counted += counts.backfill(list.listId(), list.version()) ? 1 : 0;
            }
            if (counted > 0) {
                LOG.info("counted the lint problems of {} lists last changed before the counts were kept", counted);
            }
        } catch (RuntimeException e) {
            // the next version of each list counts it; the list of lists shows 0 until then
            LOG.warn("counting the lint problems of older lists failed: {}", e.toString());
        }
    }
}
