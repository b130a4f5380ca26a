package dev.curation.query.links.web;

import dev.curation.query.links.LinkReports;
import dev.curation.query.web.BadRequestException;
import dev.curation.query.web.NotFoundException;
import dev.curation.query.web.Paging;
import dev.curation.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A list's links with their health ({@code ?status=} to filter), and one entry's link with its timeline of checks. */
@RestController
class LinksController {

    private static final Set<String> STATUSES = Set.of("unchecked", "ok", "redirected", "failing", "dead", "refused", "excluded");
    private static final int TIMELINE = 100;

    private final LinkReports reports;

    LinksController(LinkReports reports) {
        this.reports = reports;
    }

    /**
     * {@code counts}: links per state (all of them, not just this page); {@code links}: a page of them,
     * the dead first, newest first, then in entry order; {@code next}: the next page, null on the last.
     */
    record LinksView(String list, long version, Map<String, Long> counts, List<LinkReports.LinkView> links,
                     @Nullable String next) {
    }

    @Operation(summary = "A list's http(s) links with their health: ok, redirected, failing, dead (after repeated failures), "
            + "refused (private address), excluded or unchecked; paged")
    @GetMapping(path = "/api/lists/{slug}/links", produces = MediaType.APPLICATION_JSON_VALUE)
    LinksView links(@Parameter(example = "distributed-systems-notes") @PathVariable String slug,
                    @Parameter(description = "only links in this state: ok, dead, redirected, failing, refused, excluded, unchecked")
                    @RequestParam(required = false) @Nullable String status,
                    @Parameter(description = Paging.LIMIT) @RequestParam(defaultValue = "100") int limit,
                    @Parameter(description = Paging.OFFSET) @RequestParam(defaultValue = "0") int offset,
                    HttpServletRequest request, HttpServletResponse response) {
        if (status != null && !STATUSES.contains(status)) {
            throw new BadRequestException("status must be one of ok, dead, redirected, failing, refused, excluded, unchecked; not "
                    + QueryParameters.echo(status));
        }
        Paging paging = Paging.of(limit, offset);
        LinkReports.ListRef list = reports.list(slug).orElseThrow(() -> NotFoundException.list(slug));
        Paging.Page<LinkReports.LinkView> page = paging.page(
                reports.links(list.id(), status, paging.offset(), paging.fetch()), request, response);
        return new LinksView(list.slug(), list.version(), reports.counts(list.id()), page.items(), page.next());
    }

    /** An entry's link now, and its checks, newest first (at most 100). */
    record LinkTimeline(LinkReports.LinkView link, List<LinkReports.CheckView> checks) {
    }

    @Operation(summary = "One entry's link: its health now and its timeline of checks, newest first")
    @GetMapping(path = "/api/lists/{slug}/links/{entry}", produces = MediaType.APPLICATION_JSON_VALUE)
    LinkTimeline link(@Parameter(example = "distributed-systems-notes") @PathVariable String slug,
                      @Parameter(example = "e12") @PathVariable String entry) {
        QueryParameters.text("entry", entry, 32);
        LinkReports.ListRef list = reports.list(slug).orElseThrow(() -> NotFoundException.list(slug));
        LinkReports.LinkView link = reports.link(list.id(), entry).orElseThrow(() -> new NotFoundException(
                "list '" + slug + "' has no entry " + QueryParameters.echo(entry)));
        return new LinkTimeline(link, reports.timeline(link.url(), TIMELINE));
    }
}
