package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The curator web app in a real browser (Debian's headless Chromium, {@link Browser}) on the real
 * stack, one stack for every test here: the pages as a reader sees them (the seed lists, axe-core,
 * the console, a phone's width), hostile titles from an import shown as text, then what people
 * signed in through the issuer do. Screenshots go to {@code -Dcuration.screenshots} for the docs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebIT {

    private static final String HOSTILE_SLUG = "hostile-titles";
    private static final String SCRIPT_TITLE = "<script>document.title='pwned'</script>";
    private static final String IMG_TITLE = "\"><img src=x onerror=alert(1)>";
    private static final String HOSTILE_MARKDOWN = """
            # %1$s

            ## %2$s

            - [%2$s](https://example.org/a) - %1$s said the description.
            - [Plain entry](https://example.org/b) - A harmless one.
            """.formatted(SCRIPT_TITLE, IMG_TITLE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;
    static LocalStack stack;
    static Browser browser;

    @BeforeAll
    static void start() {
        // first: without a browser (a developer's machine) the tests are skipped before a stack is started for them
        browser = Browser.start();
        stack = StackFixture.start(StackFixture.options(data, true));
        importList(HOSTILE_SLUG, HOSTILE_MARKDOWN);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theHomePageListsTheSeedListsWithoutConsoleErrors() {
        browser.open(stack.webUrl() + "/");
        List<String> links = browser.findAll(By.cssSelector("main a[href^='/lists/']")).stream()
                .map(link -> link.getDomAttribute("href")).toList();
        assertThat(stack.seeds()).isNotEmpty();
        for (SeedImporter.Result seed : stack.seeds()) {
            assertThat(links).contains("/lists/" + seed.slug());
        }
        assertThat(links).contains("/lists/architecture-design-notes", "/lists/distributed-systems-notes");
        browser.screenshot("home");
        browser.assertNoConsoleErrors("the home page");
    }

    @Test
    @Order(2)
    void theHomePageHasNoSeriousAccessibilityProblems() {
        browser.open(stack.webUrl() + "/");
        browser.assertNoSeriousAxeViolations("home");
        browser.assertNoConsoleErrors("the home page, after axe");
    }

    @Test
    @Order(3)
    void theHomePageFitsAPhone() {
        browser.open(stack.webUrl() + "/");
        assertThat(browser.noSidewaysScroll()).as("the home page at 390 px scrolls sideways; widest: %s",
                browser.widestAtPhoneWidth()).isTrue();
        browser.screenshotAtPhoneWidth("home");
    }

    @Test
    @Order(4)
    void hostileTitlesFromAnImportNeverRunOnTheHomePage() {
        browser.open(stack.webUrl() + "/");
        assertThat(browser.findAll(By.cssSelector("main a[href='/lists/" + HOSTILE_SLUG + "']"))).isNotEmpty();
        assertHarmless("the home page");
        assertThat(browser.title()).isEqualTo("Lists · Curation");
    }

    @Test
    @Order(5)
    void hostileTitlesFromAnImportShowAsTextOnTheListsPage() {
        browser.open(stack.webUrl() + "/lists/" + HOSTILE_SLUG);
        assertHarmless("the list's page");
        assertThat(browser.text()).contains(SCRIPT_TITLE, IMG_TITLE);
        checkPage(browser, "list-hostile");
        browser.open(stack.webUrl() + "/lists/" + HOSTILE_SLUG + "/history");
        assertHarmless("the list's history");
        browser.open(stack.webUrl() + "/lists/" + HOSTILE_SLUG + "/versions/1");
        assertHarmless("the list's first version");
        assertThat(browser.text()).contains(SCRIPT_TITLE, IMG_TITLE);
        try (Browser carol = signedIn("carol", "/lists/" + HOSTILE_SLUG + "/propose")) {
            assertThat(carol.openAlert()).isEmpty();
            assertThat(carol.title()).isNotEqualTo("pwned");
            assertThat(carol.findAll(By.cssSelector("img[src='x']"))).isEmpty();
            // the section choice names the hostile heading as text
            assertThat(new Select(carol.find(By.name("section"))).getOptions().stream().map(WebElement::getText))
                    .anyMatch(option -> option.contains(IMG_TITLE));
            propose(carol, IMG_TITLE, SCRIPT_TITLE, "https://example.org/hostile", IMG_TITLE, SCRIPT_TITLE);
            assertThat(carol.openAlert()).isEmpty();
            assertThat(carol.title()).isNotEqualTo("pwned");
            assertThat(carol.findAll(By.cssSelector("img[src='x']"))).isEmpty();
            assertThat(carol.text()).contains(SCRIPT_TITLE);
            carol.open(stack.webUrl() + "/lists/" + HOSTILE_SLUG + "/proposals");
            assertThat(carol.openAlert()).isEmpty();
            assertThat(carol.findAll(By.cssSelector("img[src='x']"))).isEmpty();
            carol.assertNoConsoleErrors("the hostile list's pages");
        }
    }

    // ---- signed in through the issuer (Browser.signIn fills its form: username, password) ----

    /**
     * A contributor proposes through the form, a curator asks for changes, the contributor amends,
     * two curators approve under a two-approval policy, and the list's Markdown has the entry.
     */
    @Test
    @Order(10)
    void aProposalGoesThroughReviewInTheBrowser() {
        String slug = "web-review";
        importList(slug, """
                # Web review

                ## Tools

                - [Existing](https://example.org/existing) - Already there.
                """);
        String queue = stack.webUrl() + "/lists/" + slug + "/proposals";
        try (Browser alice = signedIn("alice", "/lists/" + slug + "/settings");
             Browser bob = Browser.start();
             Browser carol = signedIn("carol", "/lists/" + slug + "/propose")) {
            // the owner sets two approvals
            checkPage(alice, "settings");
            setRequiredApprovals(alice, 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> get(stack.queryUrl() + "/api/lists/" + slug + "/review-policy")
                    .body().contains("\"requiredApprovals\":2"));

            // bob watches the (empty) review queue, signed out: the proposal appears there without a reload
            bob.open(queue);
            checkPage(bob, "queue-empty");
            checkPage(carol, "propose");
            propose(carol, "Tools", "Proposed tool", "https://example.org/proposed", "A tool worth a look.",
                    "We use it daily.");
            String proposal = carol.url().replaceFirst("[?#].*$", "");
            checkPage(carol, "proposal");
            assertThat(buttons(carol)).doesNotContain("Approve").contains("Withdraw");
            await().atMost(Duration.ofSeconds(20)).until(() -> bob.text().contains("carol"));
            assertThat(bob.url()).isEqualTo(queue);
            checkPage(bob, "queue");

            // bob signs in from the proposal's page itself: its "Sign in" link comes back to it
            bob.open(proposal);
            bob.find(By.linkText("Sign in")).click();
            bob.signIn("bob", "bob");
            bob.awaitUrl(url -> url.startsWith(proposal), "the proposal, after signing in");
            assertThat(buttons(bob)).contains("Approve", "Request changes", "Reject").doesNotContain("Withdraw");
            withReason(bob, "/request-changes", "Please say what it is for.");
            await().atMost(Duration.ofSeconds(20)).until(() -> carol.open(proposal).text().contains("Please say what it is for."));

            amend(carol, "Proposed tool, amended");
            // markup in a comment is text, on the page of everyone who reads it
            String hostileComment = "<img src=x onerror=alert(1)> <script>document.title='pwned'</script>";
            WebElement comment = formWithAction(carol, "/comments", "post");
            comment.findElement(By.name("text")).sendKeys(hostileComment);
            comment.findElement(By.cssSelector("button[type='submit']")).click();
            carol.awaitUrl(url -> url.contains("done="), "the proposal after commenting");
            assertThat(carol.text()).contains(hostileComment);
            assertThat(carol.findAll(By.cssSelector("img[src='x']"))).isEmpty();
            assertThat(carol.openAlert()).isEmpty();

            // alice reviews with the keyboard: n opens the next proposal of the queue, a approves,
            // and neither fires while she types in a text field
            alice.open(queue);
            alice.pressKey("n");
            alice.awaitUrl(url -> url.startsWith(proposal), "the next proposal, by its shortcut");
            WebElement reason = formWithAction(alice, "/reject", "post").findElement(By.name("reason"));
            reason.sendKeys("a");
            assertThat(alice.url()).doesNotContain("done=");
            assertThat(reason.getDomProperty("value")).isEqualTo("a");
            reason.clear();
            alice.focusBody();
            alice.pressKey("a");
            alice.awaitUrl(url -> url.startsWith(proposal) && url.contains("done="), "the proposal after approving by its shortcut");
            assertThat(markdown(slug)).doesNotContain("Proposed tool, amended");
            bob.open(proposal);
            press(bob, "Approve");
            await().atMost(Duration.ofSeconds(20)).until(() -> markdown(slug).contains(
                    "[Proposed tool, amended](https://example.org/proposed)"));
            for (Browser person : List.of(alice, bob, carol)) {
                person.assertNoConsoleErrors("the review");
            }
        }
    }

    /** Hostile input on the propose form: a message on the form, nothing proposed. */
    @Test
    @Order(11)
    void theProposeFormRefusesHostileInputWithAMessage() {
        String slug = "web-refusals";
        importList(slug, """
                # Web refusals

                ## Tools

                - [Existing](https://example.org/existing) - Already there.
                """);
        String before = markdown(slug);
        try (Browser carol = signedIn("carol", "/lists/" + slug + "/propose")) {
            String form = carol.url();
            fillProposal(carol, "Tools", "A script link", "javascript:alert(1)", "Runs.", "Try it.");
            submit(carol);
            assertThat(carol.url()).doesNotContain("/proposals/");
            assertThat(carol.find(By.name("url")).getDomProperty("value")).isEqualTo("javascript:alert(1)");
            assertThat(carol.text()).containsIgnoringCase("url");
            checkPage(carol, "propose-refused");
            assertThat(carol.openAlert()).isEmpty();

            carol.open(form);
            fillProposal(carol, "Tools", "x".repeat(10_240), "https://example.org/long", "Long.", "Long title.");
            submit(carol);
            assertThat(carol.url()).doesNotContain("/proposals/");
            assertThat(carol.text()).containsIgnoringCase("title");
            carol.assertNoSeriousAxeViolations("propose-refused");
        }
        assertThat(proposals(slug)).contains("\"items\":[]");
        assertThat(markdown(slug)).isEqualTo(before);
    }

    /** The history opens the list as it was at a version, and a curator reverts a version. */
    @Test
    @Order(12)
    void historyTravelsInTimeAndRevertsAVersion() {
        String slug = "web-history";
        importList(slug, """
                # Web history

                ## Tools

                - [First](https://example.org/first) - In version one.
                """);
        String token = StackFixture.token(stack.issuerUrl(), "alice");
        String added = send("POST", stack.commandUrl() + "/api/lists/" + slug + "/edits", token,
                "{\"edits\":[{\"op\":\"addLink\",\"section\":\"" + sectionId(slug, "Tools")
                        + "\",\"title\":\"Second\",\"url\":\"https://example.org/second\"}]}");
        assertThat(added).contains("\"version\":2");
        await().atMost(Duration.ofSeconds(20)).until(() -> markdown(slug).contains("Second"));
        try (Browser alice = signedIn("alice", "/lists/" + slug + "/history")) {
            checkPage(alice, "history");
            alice.find(By.cssSelector("main a[href='/lists/" + slug + "/versions/1']")).click();
            alice.awaitUrl(url -> url.endsWith("/versions/1"), "version 1");
            assertThat(alice.text()).contains("First").doesNotContain("Second");
            checkPage(alice, "version");

            alice.open(stack.webUrl() + "/lists/" + slug + "/versions/2");
            // the preview of what the revert undoes, then the confirmation
            alice.find(By.cssSelector("main a[href$='/versions/2/revert']")).click();
            alice.awaitUrl(url -> url.endsWith("/versions/2/revert"), "the revert's preview");
            checkPage(alice, "revert-preview");
            submitFormWithAction(alice, "/revert", "post");
            alice.awaitUrl(url -> url.contains("/lists/" + slug + "/history"), "the history after the revert");
            await().atMost(Duration.ofSeconds(20)).until(() -> !markdown(slug).contains("Second"));
            alice.assertNoConsoleErrors("history and revert");
        }
    }

    /** The pages speak Simplified Chinese to a reader who asks for it, and remember the choice. */
    @Test
    @Order(14)
    void theUiSpeaksSimplifiedChineseWhenAskedTo() {
        browser.open(stack.webUrl() + "/?lang=zh-CN");
        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("清单");
        browser.open(stack.webUrl() + "/lists/architecture-design-notes/history");
        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        checkPage(browser, "history-zh");
        browser.open(stack.webUrl() + "/?lang=en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Lists");
    }

    /** Settings are the owner's: a contributor is refused, with a page that says so. */
    @Test
    @Order(13)
    void settingsAreRefusedToAContributor() {
        try (Browser carol = signedIn("carol", "/lists/architecture-design-notes/settings")) {
            assertThat(carol.findAll(By.name("requiredApprovals"))).isEmpty();
            assertThat(carol.findAll(By.cssSelector("main form[method='post']"))).isEmpty();
            assertThat(carol.text()).containsIgnoringCase("owner");
            checkPage(carol, "settings-refused");
        }
    }

    /**
     * The settings' Git section for the owner: a list without a bridge offers to connect one; a
     * repository the command service refuses comes back on the form, that field marked, what was
     * typed kept but the password, which is never echoed.
     */
    @Test
    @Order(15)
    void theGitSectionMarksARefusedRepositoryAndNeverEchoesThePassword() {
        String slug = "web-git";
        importList(slug, """
                # Web git

                ## Tools

                - [Existing](https://example.org/existing) - Already there.
                """);
        String password = "never-echoed-" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Browser alice = signedIn("alice", "/lists/" + slug + "/settings")) {
            assertThat(alice.text()).contains("This list is not connected to git.");
            type(alice, "repository", "ftp://example.org/list.git");
            type(alice, "username", "alice");
            type(alice, "password", password);
            alice.clickAndAwaitNextPage(formWithAction(alice, "/settings/git", "post")
                    .findElement(By.cssSelector("button[type='submit']")));
            assertThat(alice.find(By.id("git-repository")).getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(alice.find(By.id("git-repository")).getDomProperty("value")).isEqualTo("ftp://example.org/list.git");
            assertThat(alice.find(By.id("git-refusal")).getText()).contains("https://");
            assertThat(alice.find(By.id("git-password")).getDomProperty("value")).isEmpty();
            assertThat(alice.driver().getPageSource()).doesNotContain(password);
            checkPage(alice, "settings-git-refused");
        }
    }

    /**
     * Hostile requests to every page and form, without a browser ({@link WebFuzz}): alice (the
     * owner of the list) and carol signed in through the issuer's form, and someone signed out.
     * Every answer is one of the site's pages or a redirect on it, never a server error, a stall,
     * a stack trace or input echoed unescaped; what is sent without the CSRF token is refused and
     * nothing hostile is applied. A new seed every run; {@code -Dcuration.fuzz.seed=S} repeats one.
     */
    @Test
    @Order(20)
    void hostileRequestsToEveryFormGetAPageAndChangeNothing() {
        long seed = Long.getLong("curation.fuzz.seed", ThreadLocalRandom.current().nextLong());
        System.out.println("web fuzz seed " + seed + " (repeat with -Dcuration.fuzz.seed=" + seed + ")");
        int sent = WebFuzz.exercise(new FuzzApi.StackUrls(stack.webUrl(), stack.commandUrl(), stack.queryUrl(),
                stack.issuerUrl()), "web-fuzz", seed, 400, Duration.ofSeconds(30));
        assertThat(sent).as("requests sent within the time given").isGreaterThan(100);
    }

    /**
     * Sessions live in PostgreSQL: kill -9 of the web app signs nobody out. Carol, signed in, keeps
     * her session across the restart the launcher makes, and her next action goes through.
     */
    @Test
    @Order(30)
    void aKilledWebAppSignsNobodyOut() {
        String slug = "web-restart";
        importList(slug, """
                # Web restart

                ## Tools

                - [Existing](https://example.org/existing) - Already there.
                """);
        try (Browser carol = signedIn("carol", "/lists/" + slug + "/propose")) {
            SupervisedService web = stack.webApp();
            long before = web.pid();
            int restarts = web.restarts();
            ProcessHandle.of(before).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> web.restarts() > restarts && web.pid() != before
                    && get(stack.webUrl() + "/actuator/health").statusCode() == 200);
            carol.open(stack.webUrl() + "/lists/" + slug + "/propose");
            assertThat(carol.url()).as("still signed in after the restart").startsWith(stack.webUrl());
            assertThat(carol.text()).contains("Signed in as carol");
            propose(carol, "Tools", "After a restart", "https://example.org/after-restart", "Still here.", "Kept.");
            assertThat(proposals(slug)).contains("After a restart");
        }
    }

    // ---- helpers ----

    /** The page's markup holds no element the hostile titles would have made, and nothing ran. */
    private static void assertHarmless(String where) {
        assertThat(browser.openAlert()).as("an alert on %s", where).isEmpty();
        assertThat(browser.title()).as("document.title on %s", where).isNotEqualTo("pwned");
        assertThat(browser.findAll(By.cssSelector("img[src='x']"))).as("an injected image on %s", where).isEmpty();
        assertThat(browser.findAll(By.xpath("//script[contains(., 'pwned')]"))).as("an injected script on %s", where)
                .isEmpty();
        browser.assertNoConsoleErrors(where);
    }

    /** What every page must be: no serious axe violation, no console error, no sideways scroll on a phone. */
    private static void checkPage(Browser person, String name) {
        person.screenshot(name);
        person.assertNoSeriousAxeViolations(name);
        person.assertNoConsoleErrors(name);
        assertThat(person.noSidewaysScroll()).as("%s at 390 px scrolls sideways; widest: %s", name,
                person.widestAtPhoneWidth()).isTrue();
    }

    /** A new browser, signed in as {@code user} on the issuer's form on the way to {@code path}. */
    private static Browser signedIn(String user, String path) {
        Browser person = Browser.start();
        String target = stack.webUrl() + path;
        person.open(target);
        if (!person.url().startsWith(stack.issuerUrl())) {
            // a page anyone may read: its "Sign in" link, which comes back to it
            person.find(By.linkText("Sign in")).click();
        }
        person.signIn(user, user);
        // back where it was going (Spring Security's saved request adds "?continue")
        person.awaitUrl(url -> url.startsWith(target), path + " after signing in");
        return person;
    }

    private static void setRequiredApprovals(Browser owner, int approvals) {
        WebElement field = owner.find(By.name("requiredApprovals"));
        if (field.getTagName().equals("select")) {
            new Select(field).selectByValue(Integer.toString(approvals));
        } else {
            field.clear();
            field.sendKeys(Integer.toString(approvals));
        }
        field.submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> owner.text().contains(Integer.toString(approvals)));
    }

    private static void propose(Browser person, String section, String title, String url, String description,
                                String rationale) {
        fillProposal(person, section, title, url, description, rationale);
        submit(person);
        person.awaitUrl(page -> page.matches(".*/lists/[^/]+/proposals/[0-9a-f-]{36}$"), "the new proposal's page");
    }

    private static void fillProposal(Browser person, String section, String title, String url, String description,
                                     String rationale) {
        new Select(person.find(By.name("section"))).selectByVisibleText(section);
        type(person, "title", title);
        type(person, "url", url);
        type(person, "description", description);
        type(person, "rationale", rationale);
    }

    private static void type(Browser person, String field, String text) {
        WebElement input = person.find(By.name(field));
        input.clear();
        // a 10 KB value is set at once: typing it key by key takes minutes
        if (text.length() > 200) {
            person.setValue(input, text);
        } else {
            input.sendKeys(text);
        }
    }

    private static void submit(Browser person) {
        person.clickAndAwaitNextPage(person.find(By.cssSelector("main form[method='post'] button[type='submit']")));
    }

    /** The proposal page's amend form (shown to its author after "Request changes"): a new title. */
    private static void amend(Browser author, String newTitle) {
        String proposal = author.url().replaceFirst("[?#].*$", "");
        WebElement form = formWithAction(author, "/amend", "post");
        WebElement title = form.findElement(By.name("title"));
        title.clear();
        title.sendKeys(newTitle);
        form.findElement(By.cssSelector("button[type='submit']")).click();
        author.awaitUrl(url -> url.startsWith(proposal) && url.contains("done="), "the proposal after amending");
    }

    /** A reasoned action (request changes, reject): the reason typed into its form, then its button. */
    private static void withReason(Browser person, String actionEnd, String reason) {
        String proposal = person.url().replaceFirst("[?#].*$", "");
        WebElement form = formWithAction(person, actionEnd, "post");
        form.findElement(By.name("reason")).sendKeys(reason);
        form.findElement(By.cssSelector("button[type='submit']")).click();
        person.awaitUrl(url -> url.startsWith(proposal) && url.contains("done="), "the proposal after " + actionEnd);
    }

    private static List<String> buttons(Browser person) {
        return person.findAll(By.cssSelector("main button")).stream().map(WebElement::getText).toList();
    }

    private static void press(Browser person, String label) {
        String proposal = person.url().replaceFirst("[?#].*$", "");
        person.find(By.xpath("//main//button[normalize-space(.)='" + label + "']")).click();
        person.awaitUrl(url -> url.startsWith(proposal) && url.contains("done="), "the proposal after " + label);
        await().atMost(Duration.ofSeconds(10)).until(() -> person.findAll(By.cssSelector("[aria-busy='true']")).isEmpty());
    }

    private static void submitFormWithAction(Browser person, String actionEnd, String method) {
        formWithAction(person, actionEnd, method).findElement(By.cssSelector("button[type='submit']")).click();
    }

    private static WebElement formWithAction(Browser person, String actionEnd, String method) {
        for (WebElement form : person.findAll(By.cssSelector("main form"))) {
            String action = Objects.requireNonNullElse(form.getDomAttribute("action"), "");
            String formMethod = Objects.requireNonNullElse(form.getDomAttribute("method"), "get");
            if (action.endsWith(actionEnd) && formMethod.equalsIgnoreCase(method)) {
                return form;
            }
        }
        throw new AssertionError("no " + method + " form to …" + actionEnd + " on " + person.url());
    }

    // ---- the API, to set up lists and to see what the pages did ----

    private static void importList(String slug, String markdown) {
        String token = StackFixture.token(stack.issuerUrl(), "alice");
        String answer = send("POST", stack.commandUrl() + "/api/lists?slug=" + URLEncoder.encode(slug, StandardCharsets.UTF_8),
                token, markdown, "text/markdown");
        assertThat(answer).contains("\"slug\":\"" + slug + "\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> get(stack.queryUrl() + "/api/lists/" + slug).statusCode() == 200);
    }

    /** The id of the section titled {@code title}, from the list's structure on the query service. */
    private static String sectionId(String slug, String title) {
        JsonNode list = JSON.readTree(get(stack.queryUrl() + "/api/lists/" + slug).body());
        Deque<JsonNode> sections = new ArrayDeque<>();
        list.get("sections").forEach(sections::add);
        while (!sections.isEmpty()) {
            JsonNode section = sections.pop();
            if (section.get("title").asString().equals(title)) {
                return section.get("id").asString();
            }
            section.get("sections").forEach(sections::add);
        }
        throw new AssertionError("no section " + title + " in " + slug);
    }

    private static String markdown(String slug) {
        return get(stack.queryUrl() + "/api/lists/" + slug + "/markdown").body();
    }

    private static String proposals(String slug) {
        return get(stack.queryUrl() + "/api/lists/" + slug + "/proposals").body();
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String send(String method, String url, String token, String body) {
        return send(method, url, token, body, "application/json");
    }

    private static String send(String method, String url, String token, String body, String type) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", type)
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isBetween(200, 299);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
