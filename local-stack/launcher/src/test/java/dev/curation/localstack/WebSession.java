package dev.curation.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person on the web app without a browser: an HTTP client with its own cookies, signed in (or
 * not) through the issuer's form the way a browser does it (the authorization code flow, every
 * redirect followed, the form's CSRF token read from its hidden field). Redirects of the requests
 * it sends are not followed, so the caller sees each answer as it is.
 */
final class WebSession {

    /** Longer than any page takes: an answer that does not come within it is a stall, a bug. */
    static final Duration STALL = Duration.ofSeconds(15);
    private static final Pattern HIDDEN_CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*name=\"_csrf\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    private final HttpClient http;
    private final String web;
    private final String user;

    private WebSession(String web, String user) {
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.web = web;
        this.user = user;
    }

    /** Someone who has not signed in. */
    static WebSession anonymous(String web) {
        return new WebSession(web, "anonymous");
    }

    /** {@code user} (password = name) signed in through the issuer's sign-in form, back on the home page. */
    static WebSession signIn(String web, String user) {
        WebSession session = new WebSession(web, user);
        HttpResponse<String> login = session.follow(session.send(page(URI.create(web + "/signin?next=/"))));
        if (login.statusCode() != 200 || !login.uri().getPath().equals("/login")) {
            throw new AssertionError("no sign-in form for " + user + " at " + login.uri() + ": " + login.statusCode());
        }
        String form = "username=" + encode(user) + "&password=" + encode(user) + "&_csrf=" + encode(csrf(HIDDEN_CSRF, login.body()));
        HttpResponse<String> home = session.follow(session.send(page(login.uri()).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))));
        if (home.statusCode() != 200 || !home.uri().toString().startsWith(web) || !home.body().contains(user)) {
            throw new AssertionError(user + " is not signed in on the web app: " + home.statusCode() + " " + home.uri());
        }
        return session;
    }

    String user() {
        return user;
    }

    /** A CSRF token of this session, from a page's meta element (the one htmx sends as a header). */
    String csrf() {
        return csrf(META_CSRF, send(page(URI.create(web + "/"))).body());
    }

    /** Sends {@code request} as this person; an answer that takes longer than {@link #STALL} fails. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(STALL).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException stalled) {
            throw new AssertionError(built.method() + " " + built.uri() + " stalled: no answer within " + STALL, stalled);
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request as a browser sends it for a page (the issuer answers 401 to clients that do not ask for HTML). */
    static HttpRequest.Builder page(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> at = response;
        for (int hops = 0; hops < 10 && at.statusCode() / 100 == 3; hops++) {
            String location = at.headers().firstValue("Location").orElseThrow(
                    () -> new AssertionError("a redirect without a Location from " + response.uri()));
            at = send(page(at.uri().resolve(location)));
        }
        return at;
    }

    private static String csrf(Pattern pattern, String html) {
        Matcher found = pattern.matcher(html);
        if (!found.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        for (int group = 1; group <= found.groupCount(); group++) {
            if (found.group(group) != null) {
                return found.group(group);
            }
        }
        throw new AssertionError("no CSRF token on the page");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
