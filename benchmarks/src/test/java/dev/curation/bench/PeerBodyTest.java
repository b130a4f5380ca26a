package dev.curation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.bench.peer.ChangeSet;
import org.junit.jupiter.api.Test;

/** The CRUD peer reads the very body the bench sends the command service, and checks it minimally. */
class PeerBodyTest {

    private static ChangeSet read(String json) {
        return Api.JSON.readValue(json, ChangeSet.class);
    }

    @Test
    void theBenchsAddLinkIsStored() {
        ChangeSet changeSet = read(Api.addLink("s-1", "Link 7", "https://example.com/m/c32/7"));
        assertThat(changeSet.problem()).isNull();
        assertThat(changeSet.edits().get(0)).isEqualTo(new ChangeSet.Edit("addLink", "s-1", "Link 7", "https://example.com/m/c32/7"));
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        assertThat(read(Api.addLink("s-1", "Link", "ftp://example.com/a")).problem()).startsWith("edits[0].url");
        assertThat(read(Api.addLink("s-1", "Link", "https//example.com")).problem()).startsWith("edits[0].url");
        assertThat(read(Api.addLink("s-1", "Link", "http://exa mple.com")).problem()).startsWith("edits[0].url");
    }

    @Test
    void aBlankTitleOrAnotherOpIsRefused() {
        assertThat(read(Api.addLink("s-1", " ", "https://example.com/a")).problem()).startsWith("edits[0].title");
        assertThat(read("{\"edits\":[{\"op\":\"removeEntry\",\"section\":\"s-1\"}]}").problem()).startsWith("edits[0].op");
        assertThat(read("{\"edits\":[]}").problem()).startsWith("edits:");
    }
}
