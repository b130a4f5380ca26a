package dev.curation.web.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The proposal page against a scripted query and command service: what it shows to whom, and a
 * refusal shown on the page. No database: the sessions are the servlet container's here.
 */
@SpringBootTest(properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration"})
@AutoConfigureMockMvc
class ProposalPageTest {

    private static final String PAGE = "/lists/review-t/proposals/p1";
    private static final ScriptedApi API = scripted();

    @Autowired
    MockMvc mvc;
    @Autowired
    OAuth2AuthorizedClientRepository clients;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("curation.web.query-url", API::url);
        registry.add("curation.web.command-url", API::url);
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @Test
    void aHostileCommentShowsAsTextAndAReaderIsAskedToSignIn() throws Exception {
        String html = mvc.perform(get(PAGE)).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x").contains("Sign in to review")
                .doesNotContain(">Approve<", ">Withdraw<");
    }

    @Test
    void theLintAndLinkHealthOfANewEntryShowUnderTheEditThatAddsIt() throws Exception {
        String html = mvc.perform(get(PAGE)).andReturn().getResponse().getContentAsString();
        String addition = html.substring(html.indexOf("DuckDB"));

        assertThat(addition).contains("Lint: the new entry's description ends without a full stop")
                .contains("Link health:", "<strong>dead</strong>", "https://duckdb.org");
        // the first edit (an existing entry's) carries neither
        String first = html.substring(0, html.indexOf("DuckDB"));
        assertThat(first).doesNotContain("ends without a full stop", "Link health:");
    }

    @Test
    void aCuratorSeesApproveWithItsShortcut() throws Exception {
        String html = page("alice", "CURATOR", "CONTRIBUTOR");

        assertThat(html).contains(">Approve</button>", "data-shortcut=\"a\"", ">Request changes</button>", ">Reject</button>")
                .doesNotContain(">Withdraw</button>");
    }

    @Test
    void aCuratorByTheListsMembersAloneSeesApproveToo() throws Exception {
        assertThat(page("bob")).contains(">Approve</button>");
    }

    @Test
    void theAuthorSeesWithdrawButNeverApprove() throws Exception {
        String html = page("carol", "CONTRIBUTOR");

        assertThat(html).contains(">Withdraw</button>").doesNotContain(">Approve</button>", ">Reject</button>");
    }

    @Test
    void aContributorSeesNoReviewButton() throws Exception {
        String html = page("dave", "CONTRIBUTOR");

        assertThat(html).doesNotContain(">Approve</button>", ">Request changes</button>", ">Withdraw</button>")
                .contains("Add comment");
    }

    @Test
    void aRefusedApprovalShowsTheApisMessageOnThePage() throws Exception {
        MvcResult result = mvc.perform(post(PAGE + "/approve").param("revision", "2").with(csrf())
                .with(person("alice", "CURATOR")).session(session("alice"))).andReturn();
        MockHttpServletResponse response = result.getResponse();

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("role=\"alert\"", "revision 1 is not the latest revision (2)")
                .contains("<h1>Proposal by carol");
        assertThat(API.requests).contains("POST /api/lists/review-t/proposals/p1/approve?revision=2");
    }

    private String page(String name, String... roles) throws Exception {
        return mvc.perform(get(PAGE).with(person(name, roles)).session(session(name))).andReturn().getResponse()
                .getContentAsString();
    }

    private static OidcLoginRequestPostProcessor person(String name, String... roles) {
        return oidcLogin().idToken(token -> {
            token.claim("preferred_username", name).subject(name);
            if (roles.length > 0) {
                token.claim("roles", List.of(roles));
            }
        });
    }

    /** A session holding the person's access token, as the sign-in leaves it (the scripted API does not check it). */
    private MockHttpSession session(String name) {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + name,
                Instant.now(), Instant.now().plusSeconds(3600));
        clients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.findByRegistrationId("curation"), name, token),
                null, request, new MockHttpServletResponse());
        return session;
    }

    private static ScriptedApi scripted() {
        try {
            return new ScriptedApi()
                    .json("GET", "/api/lists/review-t", """
                            {"slug":"review-t","version":1,"entries":[],"sections":[{"id":"s1","title":"Databases","level":2,
                             "entries":[{"id":"e1","title":"SQLite","url":"https://sqlite.org","description":"A small engine."}],
                             "sections":[]}]}""")
                    .json("GET", "/api/lists/review-t/members", """
                            {"members":[{"member":"alice","role":"owner"},{"member":"bob","role":"curator"}],"changes":[]}""")
                    .json("GET", "/api/lists/review-t/proposals/p1", """
                            {"proposal":{"id":"p1","status":"submitted","author":"carol","rationale":"better words",
                              "baseVersion":1,"revision":2,"createdAt":"2026-01-01T10:00:00Z","byCurator":false,
                              "edits":[{"op":"editLink","entry":"e1","title":"SQLite DB"},
                                       {"op":"addLink","section":"s1","title":"DuckDB","url":"https://duckdb.org"}]},
                             "preview":"--- a/x.md\\n+++ b/x.md\\n@@ -1,1 +1,2 @@\\n-- [SQLite](https://sqlite.org)\\n+- [SQLite DB](https://sqlite.org)\\n+- [DuckDB](https://duckdb.org)\\n",
                             "previewError":null,
                             "lint":[{"rule":"empty-section","severity":"warning","item":"s9","message":"topic s9 is empty"},
                                     {"rule":"description-punctuation","severity":"warning","item":"e7","edit":1,
                                      "message":"the new entry's description ends without a full stop"}],
                             "links":[{"edit":1,"url":"https://duckdb.org","status":"dead","checkedAt":null,"httpStatus":404}],
                             "revisions":[{"revision":1,"author":"carol","createdAt":"2026-01-01T10:00:00Z","rationale":"first"},
                                          {"revision":2,"author":"carol","createdAt":"2026-01-01T11:00:00Z","rationale":"better words"}],
                             "comments":[{"id":"c1","edit":null,"replyTo":null,"author":"alice",
                                          "text":"<script>alert(1)</script> and \\"><img src=x onerror=alert(1)>","at":"2026-01-01T10:30:00Z"},
                                         {"id":"c2","edit":0,"replyTo":"c1","author":"carol","text":"a reply","at":"2026-01-01T10:40:00Z"}],
                             "review":{"requiredApprovals":2,"authorCounts":false,"dismissOnAmend":true,
                                       "approvals":[{"curator":"bob","revision":2}],"counting":1,"missing":1}}""")
                    .answer("POST", "/api/lists/review-t/proposals/p1/approve", 409, "application/problem+json", """
                            {"status":409,"title":"Conflict","detail":"revision 1 is not the latest revision (2)"}""");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
