package dev.curation.web.propose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What the propose form needs of a list's structure: its version, its topics in order, its entries by id. */
final class ListStructure {

    private final long version;
    private final List<SectionOption> sections = new ArrayList<>();
    private final Map<String, TargetEntry> entries = new HashMap<>();

    ListStructure(JsonNode structure) {
        version = structure.path("version").asLong(0);
        addEntries(structure.path("entries"), "");
        walk(structure.path("sections"), 0);
    }

    private void walk(JsonNode nodes, int depth) {
        for (JsonNode section : nodes) {
            String id = text(section, "id");
            sections.add(new SectionOption(id, text(section, "title"), depth));
            addEntries(section.path("entries"), id);
            walk(section.path("sections"), depth + 1);
        }
    }

    private void addEntries(JsonNode nodes, String section) {
        for (JsonNode entry : nodes) {
            String url = entry.path("unsafe").asBoolean(false) ? text(entry, "rawUrl") : text(entry, "url");
            TargetEntry found = new TargetEntry(text(entry, "id"), section, text(entry, "title"), url, text(entry, "description"));
            entries.put(found.id(), found);
        }
    }

    long version() {
        return version;
    }

    List<SectionOption> sections() {
        return sections;
    }

    boolean hasSection(@Nullable String id) {
        return id != null && sections.stream().anyMatch(section -> section.id().equals(id));
    }

    @Nullable TargetEntry entry(@Nullable String id) {
        return id == null ? null : entries.get(id);
    }

    String sectionTitle(String id) {
        return sections.stream().filter(section -> section.id().equals(id)).map(SectionOption::title).findFirst()
                .orElse(id);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? "" : value.asString();
    }
}
