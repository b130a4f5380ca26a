package dev.curation.query.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.query.list.RenderedLists.Rendered;
import org.junit.jupiter.api.Test;

class RenderedVersionsTest {

    private final RenderedVersions cache = new RenderedVersions(1_000_000, Runnable::run);

    private static Rendered version(String listId, long version, int bytes) {
        return new Rendered(listId, version, new byte[bytes / 2], "\"" + listId + version + "\"", new byte[bytes / 2]);
    }

    @Test
    void aListsCurrentVersionReplacesTheOneBeforeIt() {
        cache.putCurrent(version("a", 1, 1000));
        cache.putCurrent(version("a", 2, 1000));
        assertThat(cache.get("a", 1)).isNull();
        assertThat(cache.get("a", 2)).isNotNull();
    }

    @Test
    void aRenderingOlderThanTheCurrentOneIsNotKept() {
        cache.putCurrent(version("a", 5, 1000));
        // rendered by a reader that started before version 5 was read
        cache.putCurrent(version("a", 4, 1000));
        assertThat(cache.get("a", 4)).isNull();
        assertThat(cache.get("a", 5)).isNotNull();
    }

    @Test
    void pastVersionsAndOtherListsStay() {
        cache.putCurrent(version("a", 3, 1000));
        cache.putPast(version("a", 1, 1000));
        cache.putCurrent(version("b", 7, 1000));
        assertThat(cache.get("a", 1)).isNotNull();
        assertThat(cache.get("a", 3)).isNotNull();
        assertThat(cache.get("b", 7)).isNotNull();
    }

    @Test
    void aListReadAfterEveryEditLeavesRoomForALargeListReadAfterIt() {
        // a client reading its own writes: 200 versions of 50 KB, each read ten times (10 MB in all, 1 MB of room)
        for (long v = 1; v <= 200; v++) {
            cache.putCurrent(version("busy", v, 50_000));
            for (int read = 0; read < 10; read++) {
                assertThat(cache.get("busy", v)).isNotNull();
            }
        }
        Rendered large = version("large", 1, 400_000);
        cache.putCurrent(large);
        for (int read = 0; read < 3; read++) {
            assertThat(cache.get("large", 1)).isSameAs(large);
        }
        assertThat(cache.get("busy", 200)).isNotNull();
    }
}
