package dev.curation.command.list;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A bounded cache for loaded lists, Caffeine behind Axon's {@link Cache}. Axon's
 * WeakReferenceCache loses entries at every garbage collection, and then a command replays the
 * list's whole event stream; this keeps up to {@code maxEntries} lists in memory (Caffeine's
 * frequency and recency based eviction).
 *
 * <p>An entry only ever holds committed state. Axon stores a list here when its unit of work
 * prepares to commit and releases the list's lock when the unit of work ends; when the unit of
 * work takes part in a wider transaction (a keyed request stores its answer in the same
 * transaction), that is before the database commits. Another command would then decide on
 * events that may still roll back, store its own after them and commit first: the list's stream
 * would get a hole, or its events would reach Kafka out of order. So a put inside a transaction
 * drops the entry at once and stores it when the transaction commits; a command in between
 * loads the list from the event store, and its insert waits on the uncommitted one (and answers
 * 409 if that one commits). Until then the entry is seen by its own transaction only, where a
 * batch of commands ({@link ListCommandBatcher}) decides the next command on the same list.
 */
final class ListCache implements Cache {

    // Caffeine's Cache spelled out: the simple name is Axon's Cache, which this class implements
    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    ListCache(int maxEntries) {
        // evictions run on the caller's thread: nothing is left to a common pool that may have one thread
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Map<Object, Object> uncommitted = uncommitted(false);
        if (uncommitted != null && uncommitted.containsKey(key)) {
            return (V) uncommitted.get(key);
        }
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        Map<Object, Object> uncommitted = uncommitted(true);
        if (uncommitted != null) {
            remove(key);
            uncommitted.put(key, value);
            return;
        }
        store(key, value);
    }

    /**
     * The entries this thread's open transaction put: stored for everyone when it commits,
     * dropped when it rolls back. Null outside a transaction.
     */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> uncommitted(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<Object, Object> uncommitted = (Map<Object, Object>) TransactionSynchronizationManager.getResource(this);
        if (uncommitted == null && create) {
            Map<Object, Object> fresh = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ListCache.this);
                    if (status == STATUS_COMMITTED) {
                        fresh.forEach(ListCache.this::store);
                    }
                }
            });
            uncommitted = fresh;
        }
        return uncommitted;
    }

    private void store(Object key, Object value) {
        boolean existed = entries.asMap().put(key, value) != null;
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        Map<Object, Object> uncommitted = uncommitted(false);
        if (uncommitted != null) {
            uncommitted.remove(key);
        }
        boolean removed = entries.asMap().remove(key) != null;
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List.copyOf(entries.asMap().keySet()).forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        Map<Object, Object> uncommitted = uncommitted(false);
        return uncommitted != null && uncommitted.containsKey(key) || entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
