package dev.curation.core.edit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One edit as it travels in JSON (requests and proposal events): an {@code op} name and the
 * fields that op uses. {@link #toEdit(String)} checks that the op exists and its required fields
 * are there, naming the field when not.
 */
public record EditSpec(@Nullable String op, @Nullable String section, @Nullable String entry, @Nullable String block,
                       @Nullable String parent, @Nullable Integer position, @Nullable String title, @Nullable String url,
                       @Nullable String description, @Nullable String text, @Nullable Boolean withContent,
                       @Nullable Long version, @Nullable Long throughVersion) {

    /** An edit of the kinds a change set holds (every op but {@code revert}). */
    public EditSpec(@Nullable String op, @Nullable String section, @Nullable String entry, @Nullable String block,
                    @Nullable String parent, @Nullable Integer position, @Nullable String title, @Nullable String url,
                    @Nullable String description, @Nullable String text, @Nullable Boolean withContent) {
        this(op, section, entry, block, parent, position, title, url, description, text, withContent, null, null);
    }

    /** A proposal to revert {@code version} (to {@code throughVersion}): a proposal's only edit. */
    public static EditSpec revert(long version, @Nullable Long throughVersion) {
        return new EditSpec(REVERT, null, null, null, null, null, null, null, null, null, null, version, throughVersion);
    }

    /** The op of a proposal that undoes versions, as {@code POST /reverts} would. */
    public static final String REVERT = "revert";

    public static final List<String> OPS = List.of("addLink", "editLink", "removeLink",
            "moveLink", "addSection", "renameSection", "moveSection", "removeSection", "addText", "editText",
            "removeText");

    /** @param path JSON path of this edit for error messages, e.g. {@code edits[2]} */
    public Edit toEdit(String path) {
        if (op == null) {
            throw new EditException.Invalid(path + ".op", "is required, one of " + OPS);
        }
        return switch (op) {
            case REVERT -> throw new EditException.Invalid(path + ".op", "a revert is not an edit among others: send it to "
                    + "POST /api/lists/{slug}/reverts, or propose it as a proposal's only edit");
            case "addLink" -> new Edit.AddLink(required(path, "section", section), position(path),
                    required(path, "title", title), required(path, "url", url), description);
            case "editLink" -> {
                if (title == null && url == null && description == null) {
                    throw new EditException.Invalid(path, "editLink needs at least one of title, url, description");
                }
                yield new Edit.EditLink(required(path, "entry", entry), title, url, description);
            }
            case "removeLink" -> new Edit.RemoveLink(required(path, "entry", entry));
            case "moveLink" -> new Edit.MoveLink(required(path, "entry", entry), required(path, "section", section),
                    position(path));
            case "addSection" -> new Edit.AddSection(parent, position(path), required(path, "title", title));
            case "renameSection" -> new Edit.RenameSection(required(path, "section", section),
                    required(path, "title", title));
            case "moveSection" -> new Edit.MoveSection(required(path, "section", section), parent, position(path));
            case "removeSection" -> new Edit.RemoveSection(required(path, "section", section),
                    Boolean.TRUE.equals(withContent));
            case "addText" -> new Edit.AddText(required(path, "section", section), position(path),
                    required(path, "text", text));
            case "editText" -> new Edit.EditText(required(path, "block", block), required(path, "text", text));
            case "removeText" -> new Edit.RemoveText(required(path, "block", block));
            default -> throw new EditException.Invalid(path + ".op", "unknown op '" + op + "', expected one of " + OPS);
        };
    }

    /**
     * Fields that are set but not used by this op, by name. Sent anyway, they would be stored
     * with a proposal and shown nowhere: a way to smuggle megabytes into the log.
     */
    public List<String> unusedFields() {
        Set<String> used = fieldsOf(op);
        return FIELDS.entrySet().stream()
                .filter(f -> f.getValue().apply(this) != null && !used.contains(f.getKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The fields {@code op} takes besides {@code op} itself; none for an unknown op. */
    public static Set<String> fieldsOf(@Nullable String op) {
        return switch (op == null ? "" : op) {
            case "addLink" -> Set.of("section", "position", "title", "url", "description");
            case "editLink" -> Set.of("entry", "title", "url", "description");
            case "removeLink" -> Set.of("entry");
            case "moveLink" -> Set.of("entry", "section", "position");
            case "addSection" -> Set.of("parent", "position", "title");
            case "renameSection" -> Set.of("section", "title");
            case "moveSection" -> Set.of("section", "parent", "position");
            case "removeSection" -> Set.of("section", "withContent");
            case "addText" -> Set.of("section", "position", "text");
            case "editText" -> Set.of("block", "text");
            case "removeText" -> Set.of("block");
            case REVERT -> Set.of("version", "throughVersion");
            default -> Set.of();
        };
    }

    /**
     * This edit in its op's own shape, as readers are shown it: {@code op}, then those of its op's
     * fields that are set (an absent optional field is left out, not shown as null). The flat
     * record is how edits travel in; this is the shape each op has in the API's documents.
     */
    public Map<String, Object> shape() {
        Map<String, Object> shape = new LinkedHashMap<>();
        if (op != null) {
            shape.put("op", op);
        }
        Set<String> used = fieldsOf(op);
        FIELDS.forEach((name, field) -> {
            Object value = field.apply(this);
            if (value != null && used.contains(name)) {
                shape.put(name, value);
            }
        });
        return Collections.unmodifiableMap(shape);
    }

    /** The string fields with their values, for checks that treat them alike. */
    public Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        FIELDS.forEach((name, value) -> {
            if (value.apply(this) instanceof String s) {
                texts.put(name, s);
            }
        });
        return texts;
    }

    private static final Map<String, Function<EditSpec, Object>> FIELDS;

    static {
        Map<String, Function<EditSpec, Object>> fields = new LinkedHashMap<>();
        fields.put("section", EditSpec::section);
        fields.put("entry", EditSpec::entry);
        fields.put("block", EditSpec::block);
        fields.put("parent", EditSpec::parent);
        fields.put("position", EditSpec::position);
        fields.put("title", EditSpec::title);
        fields.put("url", EditSpec::url);
        fields.put("description", EditSpec::description);
        fields.put("text", EditSpec::text);
        fields.put("withContent", EditSpec::withContent);
        fields.put("version", EditSpec::version);
        fields.put("throughVersion", EditSpec::throughVersion);
        FIELDS = Collections.unmodifiableMap(fields);
    }

    private @Nullable Integer position(String path) {
        if (position != null && position < 0) {
            throw new EditException.Invalid(path + ".position", "must be 0 or more");
        }
        return position;
    }

    private static String required(String path, String field, @Nullable String value) {
        if (value == null) {
            throw new EditException.Invalid(path + "." + field, "is required");
        }
        return value;
    }
}
