package dev.curation.command.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class ListCacheTest {

    private final ListCache cache = new ListCache(2);
    private final List<String> expired = new CopyOnWriteArrayList<>();

    {
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add((String) key);
            }
        });
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outsideATransactionAListIsStoredAtOnce() {
        cache.put("list-1", "v1");

        assertThat(cache.<String, String>get("list-1")).isEqualTo("v1");
    }

    @Test
    void insideATransactionAListIsStoredOnlyWhenItCommits() {
        cache.put("list-1", "v1");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("list-1", "v2");
        // another command meanwhile must load committed state, not v1 (stale) nor v2 (may roll back)
        assertThat(elsewhere(() -> cache.containsKey("list-1"))).isFalse();
        // the transaction itself decides its next command on what it stored (a batch of commands)
        assertThat(cache.<String, String>get("list-1")).isEqualTo("v2");

        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_COMMITTED);
        assertThat(elsewhere(() -> cache.<String, String>get("list-1"))).isEqualTo("v2");
    }

    @Test
    void aTransactionThatRollsBackLeavesNothingCached() {
        TransactionSynchronizationManager.initSynchronization();
        cache.put("list-1", "v2");

        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(cache.containsKey("list-1")).isFalse();
    }

    @Test
    void itHoldsAtMostItsSizeAndTellsAxonWhatItEvicted() {
        Stream.of("a", "b", "c").forEach(k -> cache.put(k, k));

        List<String> present = Stream.of("a", "b", "c").filter(cache::containsKey).toList();
        assertThat(present).hasSize(2);
        assertThat(expired).hasSize(1).doesNotContainAnyElementsOf(present);
    }

    @Test
    void putIfAbsentKeepsWhatIsThere() {
        cache.put("list-1", "v1");

        assertThat(cache.putIfAbsent("list-1", "v2")).isFalse();
        assertThat(cache.putIfAbsent("list-2", "v2")).isTrue();
        assertThat(cache.<String, String>get("list-1")).isEqualTo("v1");
        assertThat(cache.remove("list-1")).isTrue();
        assertThat(cache.remove("list-1")).isFalse();
    }

    /** What another thread, outside this transaction, sees. */
    private static <T> T elsewhere(java.util.concurrent.Callable<T> look) {
        try (var thread = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            return thread.submit(look).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
