package dev.curation.web.review;

import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Page;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

/**
 * {@code /lists/{slug}/proposals}: the review queue (see {@link QueueOrder} for its order), with
 * {@code ?fragment=items} its list alone for the live region, and {@code /live} the list's changes
 * relayed as server-sent events (see {@link ListStreams}).
 */
@Controller
class ReviewQueueController {

    static final int PAGE = 50;
    /** The most proposals a queue sorts: the API pages newest first, the queue needs them all to sort. */
    static final int MOST = 1000;
    private static final Duration LIVE_FOR = Duration.ofMinutes(30);

    private final CurationApi api;
    private final Pages pages;
    private final ListStreams streams;

    ReviewQueueController(CurationApi api, Pages pages, ListStreams streams) {
        this.api = api;
        this.pages = pages;
        this.streams = streams;
    }

    @GetMapping("/lists/{slug}/proposals")
    String queue(@PathVariable String slug, @RequestParam(required = false) @Nullable String status,
                 @RequestParam(required = false) @Nullable String author, @RequestParam(required = false) @Nullable String mine,
                 @RequestParam(required = false) @Nullable Integer offset, @RequestParam(required = false) @Nullable String fragment,
                 HttpServletRequest request, @Nullable Principal principal, Model model) {
        Page page = pages.of(request, "review.queue.title", slug);
        QueueFilter filter = QueueFilter.of(status, author, mine, offset);
        Viewer viewer = page.signedIn() ? Viewer.of(page.user(), principal, api.readJson("/api/lists/{slug}/members", slug))
                : Viewer.READER;
        List<QueueItem> all = new ArrayList<>();
        boolean truncated = false;
        for (String asked : filter.apiStatuses()) {
            truncated |= fetch(slug, asked, all);
        }
        List<QueueItem> shown = all.stream()
                .filter(item -> filter.author().isEmpty() || item.author().equalsIgnoreCase(filter.author()))
                .filter(item -> !filter.mine() || viewer.name() == null || item.waitingFor(viewer.name(), viewer.curator()))
                .sorted(QueueOrder.ORDER).toList();
        int from = Math.min(filter.offset(), shown.size());
        int to = Math.min(from + PAGE, shown.size());
        model.addAttribute("page", page);
        model.addAttribute("slug", slug);
        model.addAttribute("filter", filter);
        model.addAttribute("items", shown.subList(from, to));
        model.addAttribute("total", shown.size());
        model.addAttribute("next", to < shown.size() ? (Integer) to : null);
        model.addAttribute("previous", from > 0 ? (Integer) Math.max(0, from - PAGE) : null);
        model.addAttribute("truncated", truncated);
        model.addAttribute("viewer", viewer);
        return "items".equals(fragment) ? "review/queueItems" : "review/queue";
    }

    /** Relays the list's changes to this browser: {@code event: changed} on each (see {@link ListStreams}). */
    @GetMapping(path = "/lists/{slug}/proposals/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> live(@PathVariable String slug, HttpServletRequest request) {
        api.read("/api/lists/{slug}/members", JsonNode.class, slug); // a list that does not exist is a 404 here
        HttpSession session = request.getSession(false);
        String client = session != null ? session.getId() : request.getRemoteAddr();
        SseEmitter browser = new SseEmitter(LIVE_FOR.toMillis());
        if (!streams.watch(client, slug, browser)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60").build();
        }
        return ResponseEntity.ok().header("Cache-Control", "no-store").header("X-Accel-Buffering", "no").body(browser);
    }

    /** Adds every proposal of {@code status} to {@code into}; true if {@link #MOST} cut it short. */
    private boolean fetch(String slug, String status, List<QueueItem> into) {
        int offset = 0;
        while (true) {
            JsonNode answer = api.readJson("/api/lists/{slug}/proposals?status={status}&limit=200&offset={offset}",
                    slug, status, offset);
            JsonNode items = answer.path("items");
            items.forEach(item -> into.add(QueueItem.of(item)));
            offset += items.size();
            if (Json.textOrNull(answer, "next") == null || items.isEmpty()) {
                return false;
            }
            if (into.size() >= MOST) {
                return true;
            }
        }
    }

}
