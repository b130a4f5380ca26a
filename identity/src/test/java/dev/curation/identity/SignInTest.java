package dev.curation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person signs in for a web client as a browser does, on the local stack's configuration (its
 * accounts and its {@code curator-web} client) with the launcher's redirect URI for another port
 * given on the command line: the authorization request goes to the sign-in form, the form back to
 * it, the code to the client's redirect URI, and the code with its PKCE verifier buys tokens that
 * name the person, carry their roles and the services' audience, and refresh. No PKCE, no code; a
 * wrong password gets the form again; repeated ones are slowed down by the token endpoint's count.
 * Each test sends from its own loopback address (127.0.0.x).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = "--curation.identity.web-clients[0].redirect-uris[0]=" + SignInTest.REDIRECT, properties = {
        "curation.security.login-failures.free-failures=2", "curation.security.login-failures.first-delay=1m",
        "curation.security.login-failures.max-per-address=100"})
@ActiveProfiles("local")
class SignInTest {

    /** Not a loopback IP literal: for those any port matches (RFC 8252 7.3), so only another host shows the replacement. */
    static final String REDIRECT = "http://localhost:9999/login/oauth2/code/curation";
    private static final String CLIENT = "curator-web";
    private static final String CLIENT_SECRET = "curator-web-local";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    @Test
    void aPersonSignsInWithTheCodeFlowAndGetsTokensNamingThem() throws Exception {
        Browser browser = new Browser("127.0.0.2");
        String verifier = "a-verifier-of-at-least-forty-three-characters-" + System.nanoTime();
        HttpResponse<String> asked = browser.get(authorize(challenge(verifier)));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(location(asked)).endsWith("/login");

        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = browser.post("/login", form("username", "alice", "password", "alice",
                "_csrf", csrf(page)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(location(signedIn)).contains("/oauth2/authorize?");

        HttpResponse<String> back = browser.get(location(signedIn));
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).startsWith(REDIRECT + "?code=").contains("state=the-state");
        String code = parameter(location(back), "code");

        HttpResponse<String> tokens = token(browser, form("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(tokens.body());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(url("/oauth2/jwks")).build();
        Jwt access = decoder.decode(body.get("access_token").asString());
        assertThat(access.getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(access.getSubject()).isEqualTo("alice");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("CURATOR", "CONTRIBUTOR");
        assertThat(access.getAudience()).containsExactly("curation");
        Jwt id = decoder.decode(body.get("id_token").asString());
        assertThat(id.getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("CURATOR", "CONTRIBUTOR");
        assertThat(id.getAudience()).containsExactly(CLIENT);

        // the web app's session outlives the access token: the refresh token buys another naming alice
        HttpResponse<String> refreshed = token(browser, form("grant_type", "refresh_token",
                "refresh_token", body.get("refresh_token").asString()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Jwt again = decoder.decode(JSON.readTree(refreshed.body()).get("access_token").asString());
        assertThat(again.getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(again.getClaimAsStringList("roles")).containsExactly("CURATOR", "CONTRIBUTOR");

        // what a web app's OIDC sign-in asks next
        HttpResponse<String> userInfo = browser.send(HttpRequest.newBuilder(URI.create(url("/userinfo")))
                .header("Authorization", "Bearer " + JSON.readTree(refreshed.body()).get("access_token").asString()));
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        assertThat(JSON.readTree(userInfo.body()).get("preferred_username").asString()).isEqualTo("alice");

        // signed in, an authorization request without PKCE still gets no code
        HttpResponse<String> withoutPkce = browser.get(authorize(null));
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(location(withoutPkce)).startsWith(REDIRECT).contains("error=invalid_request").doesNotContain("code=");

        // signing out of the issuer ends its session: the next authorization request asks for the form again
        HttpResponse<String> signedOut = browser.get("/connect/logout?id_token_hint=" + body.get("id_token").asString()
                + "&post_logout_redirect_uri=" + encode("http://127.0.0.1:8080/"));
        assertThat(signedOut.statusCode()).as(signedOut.headers() + signedOut.body()).isEqualTo(302);
        assertThat(location(signedOut)).isEqualTo("http://127.0.0.1:8080/");
        assertThat(location(browser.get(authorize(challenge(verifier))))).endsWith("/login");
    }

    @Test
    void theLaunchersRedirectUriReplacesOnlyTheConfiguredOne() throws Exception {
        Browser browser = new Browser("127.0.0.3");
        browser.get(authorize(challenge("v".repeat(50))));
        HttpResponse<String> page = browser.get("/login");
        assertThat(location(browser.post("/login", form("username", "bob", "password", "bob", "_csrf", csrf(page)))))
                .contains("/oauth2/authorize?");
        // the client id and secret of application-local.yml, the redirect URI of the command line (the first test's
        // code went there); the configured one is no longer the client's, and is answered here, never followed
        String configured = "http://127.0.0.1:8080/login/oauth2/code/curation";
        HttpResponse<String> otherPort = browser.get(authorize(challenge("v".repeat(50))).replace(encode(REDIRECT),
                encode("http://localhost:8080/login/oauth2/code/curation")));
        assertThat(otherPort.statusCode()).isEqualTo(400);
        HttpResponse<String> refused = browser.get(authorize(challenge("v".repeat(50))).replace(encode(REDIRECT),
                encode(configured)));
        assertThat(refused.statusCode()).as(refused.headers().toString()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aWrongPasswordGetsTheFormAgainAndNoCode() throws Exception {
        Browser browser = new Browser("127.0.0.4");
        browser.get(authorize(challenge("w".repeat(50))));
        HttpResponse<String> page = browser.get("/login");
        for (String[] wrong : List.of(new String[] {"alice", "bob"}, new String[] {"nobody", "alice"})) {
            HttpResponse<String> refused = browser.post("/login", form("username", wrong[0], "password", wrong[1],
                    "_csrf", csrf(page)));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Location")).isEmpty();
            // the same words whichever was wrong, and the name kept in the form
            assertThat(refused.body()).contains("Wrong name or password").contains("name=\"password\"")
                    .contains("value=\"" + wrong[0] + "\"").doesNotContain("code=");
        }
        HttpResponse<String> signedIn = browser.post("/login", form("username", "alice", "password", "alice",
                "_csrf", csrf(page)));
        assertThat(location(signedIn)).contains("/oauth2/authorize?");
    }

    @Test
    void repeatedWrongPasswordsAreSlowedDownWithTheTokenEndpoint() throws Exception {
        Browser guesser = new Browser("127.0.0.5");
        HttpResponse<String> page = guesser.get("/login");
        for (int guess = 0; guess < 3; guess++) {
            assertThat(guesser.post("/login", form("username", "carol", "password", "guess" + guess, "_csrf", csrf(page)))
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> slowed = guesser.post("/login", form("username", "carol", "password", "carol",
                "_csrf", csrf(page)));
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v))
                .isBetween(1L, 60L));
        assertThat(slowed.body()).containsPattern("Too many failed sign-ins; try again in \\d+ s")
                .contains("name=\"username\"").contains("name=\"_csrf\"");
        // one count: carol's client secret is her password
        HttpResponse<String> token = guesser.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=carol&client_secret=carol")));
        assertThat(token.statusCode()).isEqualTo(429);
        // bob behind the same address signs in
        assertThat(location(guesser.post("/login", form("username", "bob", "password", "bob", "_csrf", csrf(page)))))
                .endsWith("/login");
    }

    @Test
    void theSignInPageIsAPlainAccessibleForm() throws Exception {
        HttpResponse<String> page = new Browser("127.0.0.6").get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"en\">", "<title>", "<main>", "<h1>", "<label for=\"username\">",
                "<label for=\"password\">", "name=\"username\"", "name=\"password\"", "type=\"password\"", "name=\"_csrf\"")
                .doesNotContainIgnoringCase("<script").doesNotContain(" style=").doesNotContainPattern(" on[a-z]+=");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").doesNotContain("unsafe-inline"));

        // a form whose session ended: the form again with a new token, not an error page
        HttpResponse<String> expired = new Browser("127.0.0.6").post("/login", form("username", "alice", "password", "alice",
                "_csrf", csrf(page)));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("This form had expired", "name=\"_csrf\"").doesNotContain(csrf(page));

        HttpResponse<String> chinese = new Browser("127.0.0.6").send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Accept-Language", "zh-CN,zh;q=0.9"));
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">", "密码");
    }

    private String authorize(@Nullable String challenge) {
        return "/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&scope=" + encode("openid profile")
                + "&state=the-state&redirect_uri=" + encode(REDIRECT)
                + (challenge == null ? "" : "&code_challenge=" + challenge + "&code_challenge_method=S256");
    }

    private HttpResponse<String> token(Browser browser, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (CLIENT + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as(page.body()).isTrue();
        return matcher.group(1);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location: " + response.statusCode() + " " + response.body()));
    }

    private static String parameter(String url, String name) {
        Matcher matcher = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        assertThat(matcher.find()).as(url).isTrue();
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static String form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String url(String path) {
        return path.startsWith("http") ? path : "http://127.0.0.1:" + port + path;
    }

    /** A browser as far as the issuer can tell: its session cookie kept, no redirect followed, from one address. */
    private final class Browser {

        private final HttpClient http;
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Browser(String address) throws Exception {
            http = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html"));
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return response;
        }
    }
}
