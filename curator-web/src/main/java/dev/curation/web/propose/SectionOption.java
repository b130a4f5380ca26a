package dev.curation.web.propose;

/** A topic as a choice of the form's select: indented by its depth, since an option holds text only. */
public record SectionOption(String id, String title, int depth) {

    /** The title after two no-break spaces per level. */
    public String label() {
        return "\u00a0\u00a0".repeat(depth) + title;
    }
}
