package dev.curation.query.list;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;

/** The heap budget of the lists kept between batches, shared with a rebuild while it runs. */
class ListBatchesBudgetTest {

    @Test
    void aRebuildTakesHalfTheBudgetAndGivesItBackWhenItEnds() {
        ListBatches live = new ListBatches(null, null, null, null, null, null, null, (slug, version) -> {
        }, 1000, Tracer.NOOP, Propagator.NOOP);
        assertThat(live.budget()).isEqualTo(1000);

        ListBatches rebuild = live.unseen();

        // the two together never take more than the live projection's budget (each a whole one ran out of heap)
        assertThat(live.budget()).isEqualTo(500);
        assertThat(rebuild.budget()).isEqualTo(500);
        live.rebuildEnded();
        assertThat(live.budget()).isEqualTo(1000);
    }

    @Test
    void byDefaultTwoFifthsOfTheHeap() {
        ListBatches live = new ListBatches(null, null, null, null, null, null, null, (slug, version) -> {
        }, 0, Tracer.NOOP, Propagator.NOOP);
        assertThat(live.budget()).isEqualTo(Runtime.getRuntime().maxMemory() * 2 / 5 / 1024);
    }
}
