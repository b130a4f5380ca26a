package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.list.ListEvent;
import dev.curation.core.list.MemberRemoved;
import dev.curation.core.list.MemberRoleSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A list's members are folded from its events by curation-core's rules, as the list itself folds them. */
class MembersReadTest extends KafkaFedTest {

    @Test
    void theImporterOwnsTheListAndOwnersGiveAndTakeRoles() throws Exception {
        String listId = UUID.randomUUID().toString();
        long sequence = importList(listId, "members-read", "# Tools\n- [Kafka](https://kafka.apache.org)\n").size();
        List<ListEvent> events = List.of(new MemberRoleSet(listId, "bob", "curator", "alice"),
                new MemberRoleSet(listId, "carol", "contributor", "alice"), new MemberRemoved(listId, "carol", "alice"),
                new MemberRoleSet(listId, "bob", "contributor", "alice"), new MemberRoleSet(listId, "dave", "curator", "alice"));
        for (int i = 0; i < events.size(); i++) {
            publish(listId, 1, sequence + i, List.of(events.get(i)), 0, 1, false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/lists/members-read/members").get("changes").size() == 5);

        JsonNode view = getJson("/api/lists/members-read/members");
        List<String> roles = new ArrayList<>();
        view.get("members").forEach(m -> roles.add(m.get("member").asString() + ":" + m.get("role").asString() + " by "
                + m.get("by").asString()));
        assertThat(roles).containsExactly("alice:owner by alice", "bob:contributor by alice", "dave:curator by alice");
        assertThat(view.at("/changes/0/summary").asString()).isEqualTo("alice made bob a curator of the list");
        assertThat(view.at("/changes/0/actor").asString()).isEqualTo("alice");
    }
}
