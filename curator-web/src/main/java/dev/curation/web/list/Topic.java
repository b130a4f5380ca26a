package dev.curation.web.list;

import java.util.List;

/**
 * A topic (section) of the list with its entries and sub-topics.
 *
 * @param heading the HTML heading level (2 to 6) by depth under the page's h1, so headings stay in order
 */
public record Topic(String id, String title, int heading, List<LintMark> problems, List<EntryView> entries,
                    List<Topic> topics) {
}
