package dev.curation.localstack;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Hostile requests, seeded, to every page and form of the web app as a browser never sends them:
 * fields missing, empty, 100 KB long, with controls, NUL and invalid percent-escapes, unsafe URLs,
 * markup, odd numbers, unknown ids, path traversal, duplicated parameters, wrong methods and
 * content types, with and without the CSRF token. Every answer must be one of the site's pages (or
 * a redirect on this site), never a server error, a stack trace or input echoed unescaped; a
 * change sent without its token is refused (403) and carries {@link #MARK}, so the caller can see
 * afterwards that none of them was applied.
 */
final class WebFuzz {

    /** In every value of a request sent without a valid CSRF token. */
    static final String MARK = "nocsrf7q";
    /** The 100 KB value: its run of letters never belongs in the list's Markdown. */
    static final String HUGE = "Z".repeat(100_000);

    private static final List<String> HOSTILE = List.of("", " ", "\u0000", "a\u0000b", "\u0001\u001b[31m\u007f\u0085",
            "\r\n\t", "\uFEFF\u202E\u2028", "\uD800", "\uD83D\uDE00", "服务注册与发现", "x".repeat(10_240), HUGE,
            "javascript:alert(1)", "JaVaScRiPt:alert(document.domain)", " javascript:alert(1)", "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>", "</textarea><script>alert(1)</script>",
            "{{7*7}}", "${7*7}", "#{7*7}", "${jndi:ldap://x}", "'; DROP TABLE events;--", "../../../etc/passwd",
            "..\\..\\windows", "%2e%2e%2f", "%00", "%", "-1", "0", "-2147483649", "2147483648", "9223372036854775808",
            "99999999999999999999999", "1e309", "NaN", "0x10", "1.5", "true", "null", "[]", "{}", "\\u0000", "http://",
            "//evil.example/x", "/\\evil.example", "mailto:a@example.org", "file:///etc/passwd",
            "https://example.org/" + "a".repeat(5000), "owner", "curator", "error", "off");
    /** Sent as they are, not encoded: escapes that are not UTF-8 (in an address: a URI holds no others). */
    private static final List<String> RAW = List.of("%C0%AF", "%FF", "%E4%B8", "%00", "%0d%0aSet-Cookie:%20x=1", "%2e%2e%2f");
    /** And in a body, not escapes at all. */
    private static final List<String> RAW_BODY = List.of("%", "%zz", "%%", "%u0041", "a=b=c", "&&&", "=");
    private static final List<String> NUMBERS = List.of("1", "2", "0", "-1", "abc", "1e3", "2147483648",
            "99999999999999999999", " 1 ", "1;2", "");
    private static final List<String> SLUGS = List.of("no-such-list", "..", "%2e%2e", "..%2f..%2fetc", "%C0%AF", "a%00b",
            "%3Cscript%3E", "x".repeat(3000), "%20", "architecture-design-notes", "%FF", ".%2e", "a;b=c");
    private static final List<String> IDS = List.of("0", "-1", "%3Cscript%3E", "..%2f..", "%FF", "x".repeat(2000),
            "%2e%2e", "00000000-0000-0000-0000-000000000000", "not-a-uuid");
    private static final List<String> ROLES = List.of("owner", "curator", "contributor", "", "OWNER", "admin");
    private static final List<String> RULES = List.of("rule.unsafe-link", "rule.alphabetical", "rule.separator",
            "rule.", "rule.<script>", "rule." + "r".repeat(300));
    private static final List<String> LEVELS = List.of("error", "warning", "off", "", "<b>", "ERROR");

    // what must never show in an answer: the hostile markup unescaped, an unsafe URL made a link, a stack trace
    private static final List<String> UNESCAPED = List.of("<script>alert", "<img src=x", "<svg onload", "</textarea><script");
    private static final Pattern UNSAFE_LINK = Pattern.compile(
            "(?i)(href|src|action|formaction)\\s*=\\s*\"\\s*(javascript|data|vbscript|java\\s)");
    private static final Pattern TRACE = Pattern.compile(
            "\\b[a-z][a-z0-9]*\\.[a-z0-9.]+\\.[A-Z][A-Za-z]*(Exception|Error)\\b|\\bat [a-z][\\w$]*\\.[\\w.$]+\\(|Whitelabel|HTTP Status \\d");

    private final long seed;
    private final Random random;
    private final String web;
    private final Known known;
    private final List<WebSession> people;
    private final Map<WebSession, String> tokens = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> answers = new TreeMap<>();
    private int sent;

    /**
     * What exists to aim at: the fuzz list, its section ids, a proposal, a comment and the list's versions.
     *
     * @param slug      the list the signed-in owner (alice) owns
     * @param sections  its section ids
     * @param proposals proposals on it
     * @param comments  comments on the first proposal
     * @param latest    its latest version
     */
    record Known(String slug, List<String> sections, List<String> proposals, List<String> comments, long latest) {
    }

    WebFuzz(long seed, String web, Known known, List<WebSession> people) {
        this.seed = seed;
        this.random = new Random(seed);
        this.web = web;
        this.known = known;
        this.people = people;
    }

    /**
     * The whole exercise on a running stack: a list {@code slug} imported by alice (its owner) with a
     * proposal and a comment of carol's, alice and carol signed in through the issuer's form, then
     * {@code requests} hostile requests, then the proof that none of what must be refused was
     * applied: the list's Markdown, its proposals and members hold no {@link #MARK}, no unsafe
     * URL and no 100 KB value. Answers the number of requests sent.
     */
    static int exercise(FuzzApi.StackUrls stack, String slug, long seed, int requests, Duration budget) {
        FuzzApi api = new FuzzApi(stack);
        String alice = StackFixture.token(stack.issuer(), "alice");
        String carol = StackFixture.token(stack.issuer(), "carol");
        api.importList(alice, slug, """
                # Web fuzz

                ## Tools

                - [Existing](https://example.org/existing) - Already there.

                ## Reading

                - [Book](https://example.org/book) - A book.
                """);
        List<String> sections = api.sections(slug);
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            proposals.add(api.propose(carol, slug, sections.getFirst(), "https://example.org/proposed-" + i));
        }
        String comment = api.json("POST", "/api/lists/" + slug + "/proposals/" + proposals.getFirst() + "/comments", carol,
                "{\"text\":\"A first comment.\"}").get("id").asString();
        Known known = new Known(slug, sections, proposals, List.of(comment), 1);
        List<WebSession> people = List.of(WebSession.anonymous(stack.web()), WebSession.signIn(stack.web(), "alice"),
                WebSession.signIn(stack.web(), "carol"));
        WebFuzz fuzz = new WebFuzz(seed, stack.web(), known, people);
        try {
            fuzz.run(requests, budget);
        } finally {
            System.out.println("web fuzz, seed " + seed + ": " + fuzz.sent() + " requests, answers by page and status:\n"
                    + fuzz.summary());
        }
        // a last proposal: once the query side has it, it has everything the fuzz did before it
        String last = api.propose(carol, slug, sections.getFirst(), "https://example.org/last");
        api.awaitProposal(slug, last);
        api.assertNothingApplied(slug, seed);
        return fuzz.sent();
    }

    /** Sends up to {@code requests} requests within {@code budget}; fails with every problem found and the seed. */
    void run(int requests, Duration budget) {
        long until = System.nanoTime() + budget.toNanos();
        for (WebSession person : people) {
            if (!person.user().equals("anonymous")) {
                tokens.put(person, person.csrf());
            }
        }
        while (sent < requests && System.nanoTime() < until && failures.size() < 20) {
            Request request = next();
            sent++;
            HttpResponse<String> answer;
            try {
                answer = request.person().send(request.http(web));
            } catch (AssertionError | RuntimeException broken) {
                failures.add(describe(request) + "\n  -> " + broken);
                continue;
            }
            answers.merge(request.method() + " " + request.endpoint() + " " + answer.statusCode(), 1, Integer::sum);
            if (Boolean.getBoolean("curation.fuzz.verbose")) {
                System.out.println(answer.statusCode() + " " + describe(request));
            }
            String problem = problem(request, answer);
            if (problem != null) {
                failures.add(describe(request) + "\n  -> " + answer.statusCode() + " " + problem + "\n  body: "
                        + excerpt(answer.body(), 400));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("web fuzz, seed " + seed + " (repeat with -Dcuration.fuzz.seed=" + seed + "), "
                    + failures.size() + " problem(s) in " + sent + " requests:\n" + String.join("\n", failures));
        }
    }

    int sent() {
        return sent;
    }

    /** How often each page or form answered with each status, for the log. */
    String summary() {
        StringBuilder out = new StringBuilder();
        answers.forEach((key, count) -> out.append(String.format(Locale.ROOT, "%5d  %s%n", count, key)));
        return out.toString();
    }

    // ---- what every answer must be ----

    private String problem(Request request, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String body = answer.body();
        if (status >= 500) {
            return "a server error";
        }
        // refused: 403, or 400 where the address or body could not even be read
        if (request.unsafe() && !request.withToken() && status != 403 && status != 400) {
            return "a change without its CSRF token was not refused";
        }
        if (TRACE.matcher(body).find()) {
            return "a stack trace, an exception's name or a container page";
        }
        for (String markup : UNESCAPED) {
            if (body.contains(markup)) {
                return "input echoed unescaped: " + markup;
            }
        }
        if (UNSAFE_LINK.matcher(body).find()) {
            return "an unsafe URL made a link";
        }
        if (status / 100 == 3) {
            String location = answer.headers().firstValue("Location").orElse("");
            boolean local = location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\")
                    || location.startsWith(web + "/");
            return local ? null : "a redirect off the site: " + location;
        }
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            return "not an HTML page: " + answer.headers().firstValue("Content-Type").orElse("no Content-Type");
        }
        if (!(request.fragment() && status / 100 == 2) && !body.contains("<main id=\"main\"")) {
            return "not a page of the site (no layout)";
        }
        return null;
    }

    // ---- the requests ----

    /** One request, and what the checks need to know of it. */
    record Request(WebSession person, String endpoint, String method, String path, String contentType, String body,
                   boolean unsafe, boolean withToken, boolean fragment, String csrfHeader) {

        HttpRequest.Builder http(String web) {
            HttpRequest.Builder builder = WebSession.page(URI.create(web + path));
            if (fragment) {
                builder.header("HX-Request", "true");
            }
            if (!csrfHeader.isEmpty()) {
                builder.header("X-CSRF-TOKEN", csrfHeader);
            }
            if (!contentType.isEmpty()) {
                builder.header("Content-Type", contentType);
            }
            return builder.method(method, body.isEmpty() && !unsafe ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
        }
    }

    private Request next() {
        WebSession person = people.get(random.nextInt(100) < 10 ? 0 : 1 + random.nextInt(people.size() - 1));
        Endpoint endpoint = Endpoint.ALL.get(random.nextInt(Endpoint.ALL.size()));
        String path = endpoint.path().replace("{slug}", slug()).replace("{id}", id()).replace("{n}", number())
                .replace("{comment}", comment()).replace("{hook}", pick(IDS));
        String token = tokens.getOrDefault(person, "");
        boolean post = endpoint.method().equals("POST");
        String method = endpoint.method();
        if (random.nextInt(100) < 6) {
            method = pick(List.of("PUT", "DELETE", "PATCH"));
        }
        boolean unsafe = !method.equals("GET");
        int csrfMode = token.isEmpty() || !unsafe ? 2 : random.nextInt(100) < 80 ? 0 : random.nextInt(2) + 1;
        // 0: the session's token, 1: a wrong one, 2: none
        boolean withToken = csrfMode == 0;
        List<String[]> fields = fields(endpoint, unsafe && !withToken);
        if (random.nextInt(100) < 15) {
            fields.add(new String[] {"lang", encode(random.nextBoolean() ? pick(List.of("zh-CN", "en")) : value("lang"))});
        }
        String csrfValue = csrfMode == 0 ? token : "x" + Long.toHexString(random.nextLong());
        if (!post && method.equals("GET")) {
            return new Request(person, endpoint.path(), method, path + query(path, fields), "", "", false, false,
                    endpoint.fragment(), "");
        }
        int encoding = random.nextInt(100);
        String header = "";
        String type;
        String body;
        if (encoding < 70) {
            if (csrfMode != 2) {
                fields.add(random.nextInt(fields.size() + 1), new String[] {"_csrf", encode(csrfValue)});
            }
            type = "application/x-www-form-urlencoded";
            if (random.nextInt(100) < 5) {
                fields.add(new String[] {pick(RAW_BODY), pick(RAW_BODY)});
            }
            body = form(fields);
        } else if (encoding < 80) {
            if (csrfMode != 2) {
                fields.add(new String[] {"_csrf", encode(csrfValue)});
            }
            String boundary = "fuzz" + Long.toHexString(random.nextLong());
            type = "multipart/form-data; boundary=" + boundary;
            body = multipart(boundary, fields);
        } else {
            header = csrfMode == 2 ? "" : csrfValue;
            type = pick(List.of("application/json", "text/plain", "", "application/x-www-form-urlencoded"));
            body = type.equals("application/json") ? json(fields) : type.isEmpty() ? "" : form(fields);
        }
        return new Request(person, endpoint.path(), method, path, type, body, true, withToken, endpoint.fragment(), header);
    }

    /** The fields of one request, name and encoded value; {@code marked} values carry {@link #MARK}. */
    private List<String[]> fields(Endpoint endpoint, boolean marked) {
        List<String[]> fields = new ArrayList<>();
        for (String name : endpoint.fields()) {
            if (random.nextInt(100) < 20) {
                continue; // missing
            }
            String field = name.equals("rule.*") ? pick(RULES) : name;
            fields.add(new String[] {encode(field), marked ? encode(markedValue(field)) : encodedValue(field)});
            if (random.nextInt(100) < 8) {
                fields.add(new String[] {encode(field), encodedValue(field)}); // the same field twice
            }
        }
        return fields;
    }

    private String encodedValue(String field) {
        return random.nextInt(100) < 3 ? pick(RAW) : encode(value(field));
    }

    private String value(String field) {
        int roll = random.nextInt(100);
        if (roll < 40) {
            return valid(field);
        }
        if (roll < 50) {
            return pick(NUMBERS);
        }
        return pick(HOSTILE);
    }

    /** A value the form would take: then only the missing CSRF token can stop it. */
    private String markedValue(String field) {
        return switch (field) {
            case "url" -> "https://example.org/" + MARK;
            case "section" -> pick(known.sections());
            case "role" -> "curator";
            case "requiredApprovals", "revision", "index", "edit", "through" -> "1";
            default -> field.startsWith("rule.") ? "error" : MARK;
        };
    }

    private String valid(String field) {
        return switch (field) {
            case "url" -> pick(List.of("https://example.org/fuzz-" + random.nextInt(1000), "http://example.org/x",
                    "https://例子.测试/路径"));
            case "section" -> pick(known.sections());
            case "op" -> pick(List.of("addLink", "editLink", "moveLink", "removeLink"));
            case "edit", "index", "revision", "through", "baseVersion", "requiredApprovals", "page", "size", "offset",
                 "reverted", "from", "to" -> Long.toString(random.nextLong(known.latest() + 2));
            case "role" -> pick(ROLES);
            case "member", "author", "actor" -> pick(List.of("carol", "bob", "dave", "someone-new"));
            case "kind" -> pick(List.of("import", "edit", "proposal", "revert", "other"));
            case "status" -> pick(List.of("open", "submitted", "changes_requested", "approved", "rejected", "withdrawn"));
            case "replyTo" -> pick(known.comments());
            case "next" -> pick(List.of("/", "/lists/" + known.slug(), "//evil.example", "https://evil.example/",
                    "/\\evil.example", "javascript:alert(1)"));
            case "done", "saved" -> pick(List.of("approved", "members", "policy", "lint", "webhooks", "<b>x</b>"));
            case "authorCounts", "dismissOnAmend", "sameUrlInSections", "mine" -> pick(List.of("true", "on", "1", "false"));
            case "kinds" -> pick(List.of("list.changed", "proposal.submitted", "nope"));
            case "fragment" -> "items";
            case "q" -> pick(List.of("Existing", "e", "服务"));
            default -> field.startsWith("rule.") ? pick(LEVELS) : "Fuzz " + random.nextInt(1000);
        };
    }

    private String slug() {
        return random.nextInt(100) < 90 ? known.slug() : pick(SLUGS);
    }

    private String id() {
        return random.nextInt(100) < 70 ? pick(known.proposals()) : random.nextBoolean() ? UUID.randomUUID().toString() : pick(IDS);
    }

    private String comment() {
        return random.nextInt(100) < 60 && !known.comments().isEmpty() ? pick(known.comments()) : pick(IDS);
    }

    private String number() {
        return random.nextInt(100) < 50 ? Long.toString(1 + random.nextLong(known.latest() + 1)) : pick(NUMBERS).strip();
    }

    private static String query(String path, List<String[]> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        return (path.contains("?") ? "&" : "?") + form(fields);
    }

    private static String form(List<String[]> fields) {
        List<String> pairs = new ArrayList<>();
        for (String[] field : fields) {
            pairs.add(field[0] + "=" + field[1]);
        }
        return String.join("&", pairs);
    }

    /** Multipart as a browser sends it; the encoded values decoded again, a raw escape kept as it is. */
    private static String multipart(String boundary, List<String[]> fields) {
        StringBuilder body = new StringBuilder();
        for (String[] field : fields) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(decode(field[0])).append("\"\r\n\r\n").append(decode(field[1])).append("\r\n");
        }
        return body.append("--").append(boundary).append("--\r\n").toString();
    }

    private static String json(List<String[]> fields) {
        StringBuilder body = new StringBuilder("{");
        for (String[] field : fields) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append('"').append(jsonText(decode(field[0]))).append("\":\"").append(jsonText(decode(field[1]))).append('"');
        }
        return body.append('}').toString();
    }

    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException raw) {
            return encoded;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private String describe(Request request) {
        return "#" + sent + " " + request.person().user() + " " + request.method() + " " + excerpt(request.path(), 300)
                + (request.contentType().isEmpty() ? "" : " [" + request.contentType() + "]")
                + (request.unsafe() ? request.withToken() ? " with CSRF" : " WITHOUT CSRF" : "")
                + (request.body().isEmpty() ? "" : " body: " + excerpt(request.body(), 300));
    }

    private static String excerpt(String text, int most) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= most ? flat : flat.substring(0, most) + "… (" + text.length() + " chars)";
    }

    /**
     * A page or form of the web app: its method, path (placeholders {slug}, {id}, {n}, {comment},
     * {hook}) and fields; {@code fragment}: an htmx request answered with a part of a page.
     */
    record Endpoint(String method, String path, List<String> fields, boolean fragment) {

        private static final List<String> PROPOSAL = List.of("op", "edit", "baseVersion", "section", "title", "url",
                "description", "rationale");
        private static final String LIST = "/lists/{slug}";
        private static final String ONE = LIST + "/proposals/{id}";

        static final List<Endpoint> ALL = List.of(
                new Endpoint("GET", "/", List.of(), false),
                new Endpoint("GET", "/signin", List.of("next"), false),
                new Endpoint("GET", LIST, List.of("q"), false),
                new Endpoint("GET", LIST + "/propose", List.of("op", "edit", "section"), false),
                new Endpoint("POST", LIST + "/propose", PROPOSAL, false),
                new Endpoint("POST", LIST + "/propose", PROPOSAL, false),
                new Endpoint("POST", LIST + "/propose/check", PROPOSAL, true),
                new Endpoint("GET", LIST + "/proposals", List.of("status", "author", "mine", "offset"), false),
                new Endpoint("GET", LIST + "/proposals", List.of("status", "author", "mine", "offset", "fragment"), true),
                new Endpoint("GET", ONE, List.of("from", "to", "done"), false),
                new Endpoint("POST", ONE + "/approve", List.of("revision"), false),
                new Endpoint("POST", ONE + "/request-changes", List.of("reason"), false),
                new Endpoint("POST", ONE + "/reject", List.of("reason"), false),
                new Endpoint("POST", ONE + "/withdraw", List.of(), false),
                new Endpoint("POST", ONE + "/comments", List.of("text", "edit", "replyTo"), false),
                new Endpoint("POST", ONE + "/comments/{comment}/resolve", List.of(), false),
                new Endpoint("POST", ONE + "/amend", List.of("index", "section", "title", "url", "description", "rationale"),
                        false),
                new Endpoint("GET", LIST + "/history", List.of("page", "size", "actor", "kind", "from", "to", "reverted",
                        "proposed"), false),
                new Endpoint("GET", LIST + "/versions/{n}", List.of(), false),
                new Endpoint("GET", LIST + "/versions/{n}/revert", List.of("through"), false),
                new Endpoint("POST", LIST + "/versions/{n}/revert", List.of("through", "rationale"), false),
                new Endpoint("GET", LIST + "/settings", List.of("saved"), false),
                new Endpoint("POST", LIST + "/settings/members", List.of("member", "role"), false),
                new Endpoint("POST", LIST + "/settings/members/remove", List.of("member"), false),
                new Endpoint("POST", LIST + "/settings/review-policy", List.of("requiredApprovals", "authorCounts",
                        "dismissOnAmend"), false),
                new Endpoint("POST", LIST + "/settings/lint-profile", List.of("rule.*", "rule.*", "sameUrlInSections"), false),
                new Endpoint("POST", LIST + "/settings/webhooks", List.of("url", "kinds", "kinds"), false),
                new Endpoint("POST", LIST + "/settings/webhooks/{hook}/enable", List.of(), false),
                new Endpoint("POST", LIST + "/settings/webhooks/{hook}/remove", List.of(), false),
                new Endpoint("GET", LIST + "/settings/webhooks/{hook}", List.of(), false),
                new Endpoint("POST", LIST + "/settings/git", List.of("repository", "branch", "path", "publish", "pull",
                        "username", "password"), false),
                new Endpoint("POST", LIST + "/settings/git/remove", List.of(), false),
                new Endpoint("POST", LIST + "/settings/git/align", List.of("take"), false),
                new Endpoint("GET", LIST + "/import-progress", List.of(), true),
                new Endpoint("GET", "/lists/new/git", List.of(), false),
                new Endpoint("POST", "/lists/new/git", List.of("slug", "repository", "branch", "path", "username",
                        "password"), false));
    }
}
