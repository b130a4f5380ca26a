package dev.curation.query.history;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.curation.query.history.ListHistory.VersionRow;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/** A list's newest versions as an Atom 1.0 feed (Rome): one feed entry per version, linking its Markdown. */
@Component
public class ChangeFeed {

    static final int VERSIONS = 50;

    private final ListHistory history;

    ChangeFeed(ListHistory history) {
        this.history = history;
    }

    /** The feed's XML; {@code base} is the service's public address ({@code curation.public-base-url}), which the links start with. */
    public String atom(String listId, String slug, String base) {
        List<VersionRow> versions = history.versions(listId, new ListHistory.Filter(null, null, null, null), 0, VERSIONS);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Changes to " + slug);
        feed.setUri("urn:curation:list:" + listId);
        feed.setLink(base + "/api/lists/" + slug + "/markdown");
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(base + "/api/lists/" + slug + "/feed.atom");
        feed.setLinks(List.of(self));
        feed.setPublishedDate(versions.isEmpty() ? new Date() : Date.from(versions.getFirst().timestamp()));
        List<SyndEntry> entries = new ArrayList<>();
        for (VersionRow version : versions) {
            entries.add(entry(listId, slug, base, version));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed of list " + listId + " could not be written", e);
        }
    }

    private static SyndEntry entry(String listId, String slug, String base, VersionRow version) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:curation:list:" + listId + ":version:" + version.version());
        entry.setTitle("Version " + version.version() + ": " + version.summary());
        entry.setLink(base + "/api/lists/" + slug + "/markdown?version=" + version.version());
        entry.setAuthor(version.actor() == null ? "unknown" : version.actor());
        entry.setUpdatedDate(Date.from(version.timestamp()));
        entry.setPublishedDate(Date.from(version.timestamp()));
        SyndContentImpl content = new SyndContentImpl();
        content.setType("text");
        content.setValue(version.summary() + (version.rationale() == null ? "" : "\n\nWhy: " + version.rationale()));
        entry.setDescription(content);
        return entry;
    }
}
