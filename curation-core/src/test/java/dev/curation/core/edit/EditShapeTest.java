package dev.curation.core.edit;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each op has the fields its {@link Edit} record has (what the OpenAPI document derives its schemas from), and no others. */
class EditShapeTest {

    @Test
    void everyOpTakesTheComponentsOfItsEditRecord() {
        for (Class<?> type : Edit.class.getPermittedSubclasses()) {
            String op = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
            assertThat(EditSpec.fieldsOf(op)).as(op).isEqualTo(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet()));
        }
        assertThat(EditSpec.OPS).hasSize(Edit.class.getPermittedSubclasses().length);
    }

    @Test
    void anAddLinkShowsOnlyAddLinksFieldsThatAreSet() {
        EditSpec addLink = new EditSpec("addLink", "s2", null, null, null, 0, "NATS", "https://nats.io", "Messaging.", null,
                null);
        assertThat(addLink.shape()).containsExactly(entry("op", "addLink"), entry("section", "s2"),
                entry("position", 0), entry("title", "NATS"),
                entry("url", "https://nats.io"), entry("description", "Messaging."));
        EditSpec bare = new EditSpec("addLink", "s2", null, null, null, null, "NATS", "https://nats.io", null, null, null);
        assertThat(bare.shape()).containsOnlyKeys("op", "section", "title", "url").doesNotContainValue(null);
    }

    @Test
    void aRevertShowsItsVersions() {
        assertThat(EditSpec.revert(3, null).shape()).containsOnlyKeys("op", "version");
        assertThat(EditSpec.revert(3, 5L).shape()).containsOnlyKeys("op", "version", "throughVersion");
    }

    @Test
    void aFieldOfAnotherOpIsNeitherShownNorUsed() {
        EditSpec removeLink = new EditSpec("removeLink", "s1", "e1", null, null, null, "smuggled", null, null, null, null);
        assertThat(removeLink.shape()).containsOnlyKeys("op", "entry");
        assertThat(removeLink.unusedFields()).containsExactly("section", "title");
    }
}
