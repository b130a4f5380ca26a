package dev.curation.web.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A list's entries and sections by id ({@code GET /api/lists/{slug}}), to say what an edit changes. */
final class ListStructure {

    /** An entry as it is now. */
    record Entry(String title, String url, String description, String section) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, String> sectionTitles = new HashMap<>();
    private final List<SectionChoice> sections = new ArrayList<>();

    ListStructure(JsonNode list) {
        entries(list.path("entries"), "");
        sections(list.path("sections"), 0);
    }

    private void sections(JsonNode nodes, int depth) {
        for (JsonNode section : nodes) {
            String id = Json.text(section, "id", "");
            String title = Json.text(section, "title", id);
            sectionTitles.put(id, title);
            sections.add(new SectionChoice(id, "\u2003".repeat(depth) + title));
            entries(section.path("entries"), id);
            sections(section.path("sections"), depth + 1);
        }
    }

    private void entries(JsonNode nodes, String section) {
        for (JsonNode entry : nodes) {
            entries.put(Json.text(entry, "id", ""), new Entry(Json.text(entry, "title", ""), Json.text(entry, "url", ""),
                    Json.text(entry, "description", ""), section));
        }
    }

    Entry entry(String id) {
        return entries.getOrDefault(id, new Entry(id, "", "", ""));
    }

    /** A section's title, else its id (a section this proposal adds, or one removed since). */
    String section(String id) {
        return id.isEmpty() ? "" : sectionTitles.getOrDefault(id, id);
    }

    /** Every section in reading order, indented by depth, for a choice. */
    List<SectionChoice> sections() {
        return sections;
    }
}
