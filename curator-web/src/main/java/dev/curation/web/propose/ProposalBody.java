package dev.curation.web.propose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/lists/{slug}/proposals} (and of its checks) for a form: one edit
 * with only the fields its op takes (the API refuses fields an op does not use). What the API
 * judges (a URL's scheme, a title's length, markup) is left to it; we only check what the form
 * itself must get right: a topic of this list, an entry of this list, an edit that changes something.
 */
final class ProposalBody {

    private ProposalBody() {
    }

    /** The body, or a {@link FormProblem}. */
    static Map<String, Object> of(ProposeForm form, ListStructure list) {
        String op = form.operation();
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("op", op);
        TargetEntry entry = null;
        if (!op.equals(ProposeForm.ADD)) {
            entry = list.entry(form.edit());
            if (entry == null) {
                throw new FormProblem(null, "propose.noSuchEntry");
            }
            edit.put("entry", entry.id());
        }
        if (form.hasSection()) {
            if (!list.hasSection(form.section())) {
                throw new FormProblem("section", "propose.chooseSection");
            }
            edit.put("section", form.section());
        }
        switch (op) {
            case ProposeForm.ADD -> {
                putTyped(edit, "title", form.title());
                putTyped(edit, "url", form.url());
                putTyped(edit, "description", form.description());
            }
            case "editLink" -> {
                Objects.requireNonNull(entry);
                putChanged(edit, "title", form.title(), entry.title());
                putChanged(edit, "url", form.url(), entry.url());
                putChanged(edit, "description", form.description(), entry.description());
                if (edit.size() == 2) {
                    throw new FormProblem(null, "propose.nothingChanged");
                }
            }
            default -> {
                // a move takes the section set above, a removal only the entry
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Long base = form.base();
        if (base != null) {
            body.put("baseVersion", base);
        }
        String rationale = form.rationale();
        if (rationale != null && !rationale.isBlank()) {
            body.put("rationale", rationale.strip());
        }
        body.put("edits", List.of(edit));
        return body;
    }

    private static void putTyped(Map<String, Object> edit, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            edit.put(field, value.strip());
        }
    }

    private static void putChanged(Map<String, Object> edit, String field, @Nullable String value, String was) {
        if (value != null && !value.strip().equals(was)) {
            edit.put(field, value.strip());
        }
    }
}
