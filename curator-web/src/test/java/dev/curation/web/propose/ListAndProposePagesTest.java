package dev.curation.web.propose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The list page and the propose form against a scripted API (no stack, no database: sessions in
 * memory): hostile titles stay text, unsafe URLs are not links, the form offers topics by title,
 * a refusal is a message on the form with the input kept, and signed-out visitors are sent to sign in.
 */
@SpringBootTest(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
        + "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration,"
        + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration")
@AutoConfigureMockMvc
class ListAndProposePagesTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BREAKER = "\"><img src=x onerror=alert(1)>";
    private static final ScriptedApi API = new ScriptedApi();

    static {
        API.on("GET", "/api/lists/hostile", 200, """
                {"id":"l1","slug":"hostile","version":3,"entries":[],"links":{"e1":"dead"},"sections":[
                 {"id":"s1","title":"<script>alert(1)</script>","level":2,"entries":[
                   {"id":"e1","title":"<script>alert(1)</script>","url":"https://ok.example/a","description":"\\"><img src=x onerror=alert(1)>"},
                   {"id":"e2","title":"\\"><img src=x onerror=alert(1)>","url":null,"unsafe":true,"rawUrl":"javascript:alert(1)","description":"<b>bold</b>"}],
                  "sections":[{"id":"s2","title":"工具","level":3,"entries":[
                   {"id":"e3","title":"一个非常长的标题","url":"https://example.org/%E5%B7%A5","description":""}],"sections":[]}]}]}""");
        API.on("GET", "/api/lists/hostile/lint", 200, """
                {"list":"hostile","version":3,"errors":1,"warnings":0,"problems":[
                 {"rule":"unsafe-link","severity":"error","item":"e2","line":4,"message":"entry e2 has an unsafe link <javascript>"}]}""");
        API.on("POST", "/api/lists/hostile/proposals", 201, "{\"id\":\"p-1\",\"status\":\"submitted\"}");
    }

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("curation.web.query-url", API::url);
        registry.add("curation.web.command-url", API::url);
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @Test
    void theListPageShowsHostileTitlesAsTextAndUnsafeUrlsNotAsLinks() throws Exception {
        String html = page(mvc.perform(get("/lists/hostile")).andReturn(), 200);

        assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img src=x").doesNotContain("<b>bold</b>")
                .doesNotContain("href=\"javascript:");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                "<code class=\"url\">javascript:alert(1)</code>", "href=\"https://ok.example/a\"", "工具",
                "link dead", "entry e2 has an unsafe link &lt;javascript&gt;");
        // signed out: no per-entry actions, one "sign in" link instead
        assertThat(html).doesNotContain("op=editLink").contains("Sign in to propose a change");
    }

    @Test
    void signedInEachEntryOffersAnEditAMoveAndARemoval() throws Exception {
        String html = page(mvc.perform(get("/lists/hostile").session(signedIn())).andReturn(), 200);

        assertThat(html).contains("href=\"/lists/hostile/propose?edit=e1&amp;op=editLink\"",
                "href=\"/lists/hostile/propose?edit=e1&amp;op=moveLink\"",
                "href=\"/lists/hostile/propose?edit=e1&amp;op=removeLink\"", "href=\"/lists/hostile/settings\"")
                .doesNotContain(SCRIPT);
    }

    @Test
    void theServerSideFilterKeepsOnlyMatchingEntries() throws Exception {
        String html = page(mvc.perform(get("/lists/hostile").param("q", "EXAMPLE.org")).andReturn(), 200);

        assertThat(html).contains("一个非常长的标题", "1 of 3 entries shown").doesNotContain("ok.example");
    }

    @Test
    void theProposeFormOffersTheTopicsByTitleIndentedByLevel() throws Exception {
        String html = page(mvc.perform(get("/lists/hostile/propose").session(signedIn())).andReturn(), 200);

        assertThat(html).contains("<select id=\"section\" name=\"section\"",
                "<option value=\"s1\">&lt;script&gt;alert(1)&lt;/script&gt;</option>",
                "<option value=\"s2\">\u00a0\u00a0工具</option>",
                "name=\"baseVersion\" value=\"3\"", "name=\"title\"", "name=\"url\"", "name=\"description\"",
                "name=\"rationale\"", "hx-post=\"/lists/hostile/propose/check\"");
    }

    @Test
    void aRefusalIsShownOnTheFormWithTheInputKept() throws Exception {
        MockHttpSession session = signedIn();
        MvcResult result = mvc.perform(post("/lists/hostile/propose").session(session).param("_csrf", csrf(session))
                .param("op", "addLink").param("baseVersion", "3").param("section", "s2")
                .param("title", BREAKER).param("url", "javascript:alert(1)").param("rationale", "why not")).andReturn();
        String html = page(result, 400);

        assertThat(html).contains("role=\"alert\"", "edits[0].url: scheme must be http, https or mailto, not 'javascript'",
                "id=\"url-error\"", "aria-describedby=\"url-error url-hint\"", "value=\"javascript:alert(1)\"",
                "value=\"&#34;>&lt;img src=x onerror=alert(1)>\"", ">why not</textarea>",
                "<option value=\"s2\" selected>");
    }

    @Test
    void aRefusalStandsNextToTheFieldTheProblemNames() throws Exception {
        MockHttpSession session = signedIn();
        MvcResult result = mvc.perform(post("/lists/hostile/propose").session(session).param("_csrf", csrf(session))
                .param("op", "addLink").param("baseVersion", "3").param("section", "s2").param("title", "Raft")
                .param("url", "https://raft.github.io/").param("description", "far too long")).andReturn();
        String html = page(result, 400);

        assertThat(html).contains("<p class=\"error\" id=\"description-error\">must be at most 2000 characters</p>")
                .doesNotContain("id=\"url-error\"");
    }

    @Test
    void aSentProposalOpensItsPage() throws Exception {
        MockHttpSession session = signedIn();
        MvcResult result = mvc.perform(post("/lists/hostile/propose").session(session).param("_csrf", csrf(session))
                .param("baseVersion", "3").param("section", "s1").param("title", "Raft")
                .param("url", "https://raft.github.io/")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(303);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/lists/hostile/proposals/p-1");
        assertThat(API.written).anyMatch(body -> body.contains("\"baseVersion\":3")
                && body.contains("{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"Raft\",\"url\":\"https://raft.github.io/\"}"));
    }

    @Test
    void oddInputIsAMessageOnTheFormNotAnError() throws Exception {
        MockHttpSession session = signedIn();
        int writes = API.written.size();
        String unknownTopic = page(mvc.perform(post("/lists/hostile/propose").session(session).param("_csrf", csrf(session))
                .param("section", "s999").param("baseVersion", "not a number")).andReturn(), 422);
        String noSuchEntry = page(mvc.perform(post("/lists/hostile/propose").session(session).param("_csrf", csrf(session))
                .param("op", "removeLink").param("edit", "e999")).andReturn(), 422);

        assertThat(unknownTopic).contains("role=\"alert\"", "id=\"section-error\"", "Choose a topic of this list");
        assertThat(noSuchEntry).contains("role=\"alert\"", "That entry is not in this list");
        assertThat(API.written).hasSize(writes);
    }

    @Test
    void signedOutTheProposeFormAsksForSignIn() throws Exception {
        MvcResult result = mvc.perform(get("/lists/hostile/propose")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/oauth2/authorization/curation");
    }

    private static String page(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }

    /** A session signed in as carol through the issuer, her access token kept as the web app keeps it. */
    private MockHttpSession signedIn() {
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken("id-token", now, now.plusSeconds(3600),
                Map.of("sub", "carol", "preferred_username", "carol", "iss", "http://127.0.0.1:8083"));
        DefaultOidcUser carol = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), idToken,
                "preferred_username");
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(carol, carol.getAuthorities(), "curation");
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(authentication));
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "carol-token", now,
                now.plusSeconds(3600));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.findByRegistrationId("curation"),
                "carol", token), authentication, request, new MockHttpServletResponse());
        return session;
    }

    /** The CSRF token of the session, as its form carries it. */
    private String csrf(MockHttpSession session) throws Exception {
        String html = mvc.perform(get("/lists/hostile/propose").session(session)).andReturn().getResponse()
                .getContentAsString();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
