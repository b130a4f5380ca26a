package dev.curation.query.list;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.curation.query.list.RenderedLists.Rendered;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;

/**
 * Rendered list versions kept in memory, bounded in bytes. A list's current version replaces the
 * current version rendered before it: a list edited and read all the time (a curator's screen, a
 * client reading its own writes) rendered every version it passed, each read a few times and
 * never again, until they filled the cache; the cache's admission policy then refused a newly
 * read large list again and again as less popular than them (the full benchmark's 10k-entry export
 * went from 3 to 35 ms p50 after its read-your-write phases). Past versions, read through the read
 * gate, are kept as the cache decides.
 */
final class RenderedVersions {

    private record Key(String listId, long version) {
    }

    private final Cache<Key, Rendered> cache;
    /** The version each list's current rendering has, as last put. */
    private final ConcurrentMap<String, Long> current = new ConcurrentHashMap<>();

    RenderedVersions(long maximumBytes) {
        this(maximumBytes, ForkJoinPool.commonPool());
    }

    /** {@code executor} runs the cache's upkeep (a test's runs it at once). */
    RenderedVersions(long maximumBytes, Executor executor) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .weigher((Key key, Rendered r) -> r.markdown().length + r.structure().length + 128)
                .executor(executor)
                .build();
    }

    @Nullable Rendered get(String listId, long version) {
        return cache.getIfPresent(new Key(listId, version));
    }

    /**
     * Keeps a rendering of the list's current version and drops the one of the version current
     * before it. One older than what was put already is not kept: the list moved on while it was
     * rendered.
     */
    void putCurrent(Rendered rendered) {
        long[] replaced = {-1};
        long kept = current.compute(rendered.listId(), (id, before) -> {
            if (before == null || before < rendered.version()) {
                replaced[0] = before == null ? -1 : before;
                return rendered.version();
            }
            return before;
        });
        if (kept != rendered.version()) {
            return;
        }
        cache.put(new Key(rendered.listId(), rendered.version()), rendered);
        if (replaced[0] >= 0) {
            cache.invalidate(new Key(rendered.listId(), replaced[0]));
        }
    }

    /** Keeps a rendering of a past version. */
    void putPast(Rendered rendered) {
        cache.put(new Key(rendered.listId(), rendered.version()), rendered);
    }
}
