package dev.curation.web.review;

/** A section as an option of a choice: its id and its title (indented by depth). */
public record SectionChoice(String id, String label) {
}
