package dev.curation.web.list;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Builds a {@link ListPage} from the structure (with its link health), the lint report and the
 * blame, in one pass over the structure: lint and blame are indexed by item id first.
 */
final class ListReading {

    private static final int DEEPEST_HEADING = 6;

    private final Map<String, List<LintMark>> lint = new HashMap<>();
    private final Map<String, Blame> blame = new HashMap<>();
    private final JsonNode links;
    private final String needle;
    private final int firstHeading;
    private final List<LintMark> unplaced = new ArrayList<>();
    private int total;
    private int shown;

    private ListReading(JsonNode structure, String query, int firstHeading) {
        this.links = structure.path("links");
        this.needle = Filter.needle(query);
        this.firstHeading = firstHeading;
    }

    /** The page; {@code lint} and {@code blame} null where they could not be read. */
    static ListPage of(JsonNode structure, @Nullable JsonNode lint, @Nullable JsonNode blame, String query) {
        return of(structure, lint, blame, query, 2);
    }

    /** As {@link #of(JsonNode, JsonNode, JsonNode, String)}, the top topics' headings at level {@code firstHeading}. */
    static ListPage of(JsonNode structure, @Nullable JsonNode lint, @Nullable JsonNode blame, String query,
                       int firstHeading) {
        ListReading reading = new ListReading(structure, query, firstHeading);
        int errors = -1;
        int warnings = 0;
        if (lint != null) {
            errors = lint.path("errors").asInt(0);
            warnings = lint.path("warnings").asInt(0);
            reading.indexLint(lint.path("problems"));
        }
        if (blame != null) {
            reading.indexBlame(blame.path("items"));
        }
        String slug = text(structure, "slug");
        JsonNode sections = structure.path("sections");
        String title = slug;
        boolean titled = sections.size() == 1 && sections.get(0).path("level").asInt(0) == 1;
        List<EntryView> loose = reading.entries(structure.path("entries"));
        List<Topic> topics;
        if (titled) {
            // "# Title" is the page's h1: its entries come first, its sub-topics are the topics
            JsonNode top = sections.get(0);
            title = text(top, "title").isBlank() ? slug : text(top, "title");
            loose = new ArrayList<>(loose);
            loose.addAll(reading.entries(top.path("entries")));
            reading.problemsOf(text(top, "id")).forEach(reading.unplaced::add);
            topics = reading.topics(top.path("sections"), 0);
        } else {
            topics = reading.topics(sections, 0);
        }
        reading.lint.values().forEach(reading.unplaced::addAll);
        return new ListPage(slug, title, structure.path("version").asLong(0), loose, topics, reading.unplaced,
                errors, warnings, reading.links.size(), reading.total, reading.shown, query.strip());
    }

    private List<Topic> topics(JsonNode sections, int depth) {
        List<Topic> topics = new ArrayList<>(sections.size());
        for (JsonNode section : sections) {
            String id = text(section, "id");
            List<EntryView> entries = entries(section.path("entries"));
            List<Topic> below = topics(section.path("sections"), depth + 1);
            List<LintMark> problems = problemsOf(id);
            if (needle.isEmpty() || !entries.isEmpty() || !below.isEmpty()) {
                topics.add(new Topic(id, text(section, "title"), Math.min(DEEPEST_HEADING, depth + firstHeading), problems,
                        entries, below));
            }
        }
        return topics;
    }

    private List<EntryView> entries(JsonNode entries) {
        List<EntryView> views = new ArrayList<>(entries.size());
        for (JsonNode entry : entries) {
            total++;
            String id = text(entry, "id");
            boolean unsafe = entry.path("unsafe").asBoolean(false);
            String url = unsafe ? nullable(entry, "rawUrl") : nullable(entry, "url");
            String href = unsafe ? null : SafeUrl.href(url);
            EntryView view = new EntryView(id, text(entry, "title"), href, url, href == null ? null : SafeUrl.host(href),
                    text(entry, "description"), unsafe || (url != null && href == null), nullable(links, id),
                    problemsOf(id), blame.get(id));
            if (needle.isEmpty() || view.matches(needle)) {
                shown++;
                views.add(view);
            }
        }
        return views;
    }

    /** The problems on {@code id}, taken out of the index (what is left is about the whole list). */
    private List<LintMark> problemsOf(String id) {
        List<LintMark> marks = lint.remove(id);
        return marks == null ? List.of() : marks;
    }

    private void indexLint(JsonNode problems) {
        for (JsonNode problem : problems) {
            LintMark mark = new LintMark(text(problem, "rule"), text(problem, "severity"), text(problem, "message"));
            String item = nullable(problem, "item");
            if (item == null) {
                unplaced.add(mark);
            } else {
                lint.computeIfAbsent(item, any -> new ArrayList<>(2)).add(mark);
            }
        }
    }

    private void indexBlame(JsonNode items) {
        for (JsonNode item : items) {
            String entry = nullable(item, "entry");
            String by = nullable(item, "addedBy");
            if (entry != null && by != null) {
                blame.put(entry, new Blame(by, item.path("addedIn").asLong(0), nullable(item, "addedThrough")));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        String value = nullable(node, field);
        return value == null ? "" : value;
    }

    private static @Nullable String nullable(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }
}
