package dev.curation.web.list;

import java.util.List;

/**
 * The list page's content.
 *
 * @param slug         the list's slug
 * @param title        its first heading when the list has one top heading, else the slug
 * @param version      the version shown
 * @param entries      entries before the first heading
 * @param topics       the topics, nested
 * @param listProblems lint problems about the whole list (or an item not shown)
 * @param lintErrors   lint errors in all, -1 when the lint report could not be read
 * @param lintWarnings lint warnings in all
 * @param unhealthy    links that are failing, dead or redirected
 * @param total        entries in the list
 * @param shown        entries shown (the filter's matches)
 * @param query        the filter text, empty for none
 */
public record ListPage(String slug, String title, long version, List<EntryView> entries, List<Topic> topics,
                       List<LintMark> listProblems, int lintErrors, int lintWarnings, int unhealthy, int total,
                       int shown, String query) {

    public boolean lintKnown() {
        return lintErrors >= 0;
    }

    public boolean filtered() {
        return !query.isEmpty();
    }
}
