package dev.curation.web.review;

/**
 * An edit its author may change after "request changes", with the values it proposes now: an
 * addLink (section, title, url, description) or an editLink (title, url, description).
 */
public record Amendable(int index, String op, String section, String title, String url, String description) {

    public boolean addLink() {
        return op.equals("addLink");
    }
}
