package dev.curation.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.edit.EditSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An edit is written with its op's fields only, wherever it is nested. */
class EditShapesTest {

    private final JsonMapper json = JsonMapper.builder().addModule(EditShapes.module()).build();

    @Test
    void anAddLinkHasAddLinksFieldsOnly() {
        EditSpec addLink = new EditSpec("addLink", "s1", null, null, null, null, "Consul", "https://consul.io", "A registry.",
                null, null);
        JsonNode written = json.readTree(json.writeValueAsString(Map.of("event", Map.of("edits", List.of(addLink)))));
        JsonNode edit = written.at("/event/edits/0");
        assertThat(edit.propertyNames()).containsExactlyInAnyOrder("op", "section", "title", "url", "description");
        assertThat(edit.get("url").asString()).isEqualTo("https://consul.io");
    }

    @Test
    void aRevertHasItsVersionsOnly() {
        JsonNode edit = json.readTree(json.writeValueAsString(EditSpec.revert(3, 5L)));
        assertThat(edit.propertyNames()).containsExactlyInAnyOrder("op", "version", "throughVersion");
    }
}
