package dev.curation.web.review;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Turns a proposal's edits into what a reviewer reads: {@link EditChange} per edit. */
final class EditReader {

    private EditReader() {
    }

    static List<EditChange> changes(JsonNode edits, ListStructure list, JsonNode lint, JsonNode links,
                                    List<CommentNode> threads) {
        List<EditChange> changes = new ArrayList<>();
        int index = 0;
        for (JsonNode edit : edits) {
            changes.add(change(index, edit, list, lint, links, threads));
            index++;
        }
        return changes;
    }

    private static EditChange change(int index, JsonNode edit, ListStructure list, JsonNode lint, JsonNode links,
                                     List<CommentNode> threads) {
        String op = Json.text(edit, "op", "");
        String entryId = Json.text(edit, "entry", "");
        ListStructure.Entry entry = list.entry(entryId);
        List<FieldChange> fields = new ArrayList<>();
        String kind;
        String subject;
        String from = "";
        String to = "";
        switch (op) {
            case "addLink" -> {
                kind = "added";
                subject = Json.text(edit, "title", "");
                to = list.section(Json.text(edit, "section", ""));
                for (String field : List.of("title", "url", "description")) {
                    String value = Json.text(edit, field, "");
                    if (!value.isEmpty()) {
                        fields.add(FieldChange.of(field, "", value));
                    }
                }
            }
            case "removeLink" -> {
                kind = "removed";
                subject = entry.title();
                from = list.section(entry.section());
                fields.add(FieldChange.of("title", entry.title(), ""));
                fields.add(FieldChange.of("url", entry.url(), ""));
                if (!entry.description().isEmpty()) {
                    fields.add(FieldChange.of("description", entry.description(), ""));
                }
            }
            case "moveLink" -> {
                kind = "moved";
                subject = entry.title();
                from = list.section(entry.section());
                to = list.section(Json.text(edit, "section", ""));
            }
            case "editLink" -> {
                subject = Json.text(edit, "title", entry.title());
                kind = edit.hasNonNull("title") && !entry.title().equals(Json.text(edit, "title", "")) ? "renamed" : "edited";
                fields.add(FieldChange.of("title", entry.title(), Json.text(edit, "title", entry.title())));
                fields.add(FieldChange.of("url", entry.url(), Json.text(edit, "url", entry.url())));
                fields.add(FieldChange.of("description", entry.description(), Json.text(edit, "description", entry.description())));
            }
            case "renameSection" -> {
                kind = "sectionRenamed";
                String id = Json.text(edit, "section", "");
                subject = Json.text(edit, "title", "");
                fields.add(FieldChange.of("title", list.section(id), subject));
            }
            case "addSection" -> {
                kind = "sectionAdded";
                subject = Json.text(edit, "title", "");
                to = list.section(Json.text(edit, "parent", ""));
            }
            case "moveSection" -> {
                kind = "sectionMoved";
                subject = list.section(Json.text(edit, "section", ""));
                to = list.section(Json.text(edit, "parent", ""));
            }
            case "removeSection" -> {
                kind = "sectionRemoved";
                subject = list.section(Json.text(edit, "section", ""));
            }
            case "addText", "editText" -> {
                kind = op.equals("addText") ? "textAdded" : "textEdited";
                subject = "";
                to = list.section(Json.text(edit, "section", ""));
                fields.add(FieldChange.of("text", "", Json.text(edit, "text", "")));
            }
            case "removeText" -> {
                kind = "textRemoved";
                subject = Json.text(edit, "block", "");
            }
            case "revert" -> {
                kind = "revert";
                subject = Json.text(edit, "version", "") + (edit.hasNonNull("throughVersion")
                        ? "\u2013" + Json.text(edit, "throughVersion", "") : "");
            }
            default -> {
                kind = "other";
                subject = op;
            }
        }
        String item = entryId.isEmpty() ? Json.text(edit, "section", "") : entryId;
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : lint) {
            // the API names the edit a problem comes from (an entry the proposal adds has no id yet)
            Integer byEdit = Json.integer(problem, "edit");
            if (byEdit != null ? byEdit == index : !item.isEmpty() && item.equals(Json.textOrNull(problem, "item"))) {
                problems.add(Json.text(problem, "message", ""));
            }
        }
        List<EditChange.LinkHealth> health = new ArrayList<>();
        for (JsonNode link : links) {
            Integer of = Json.integer(link, "edit");
            if (of != null && of == index) {
                health.add(new EditChange.LinkHealth(Json.text(link, "url", ""), Json.text(link, "status", "unchecked")));
            }
        }
        List<CommentNode> on = threads.stream().filter(thread -> thread.onEdit(index)).toList();
        List<FieldChange> changed = fields.stream().filter(f -> f.before().size() + f.after().size() > 0
                && !(f.before().equals(f.after()))).toList();
        return new EditChange(index, kind, subject, from, to, changed, problems, health, on);
    }

    /** The edits of {@code edits} its author may change on the form: links added or edited. */
    static List<Amendable> amendables(JsonNode edits, ListStructure list) {
        List<Amendable> amendables = new ArrayList<>();
        int index = 0;
        for (JsonNode edit : edits) {
            String op = Json.text(edit, "op", "");
            if (op.equals("addLink")) {
                amendables.add(new Amendable(index, op, Json.text(edit, "section", ""), Json.text(edit, "title", ""),
                        Json.text(edit, "url", ""), Json.text(edit, "description", "")));
            } else if (op.equals("editLink")) {
                ListStructure.Entry entry = list.entry(Json.text(edit, "entry", ""));
                amendables.add(new Amendable(index, op, entry.section(), Json.text(edit, "title", entry.title()),
                        Json.text(edit, "url", entry.url()), Json.text(edit, "description", entry.description())));
            }
            index++;
        }
        return amendables;
    }
}
