package dev.curation.web.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The settings' Git section: the bridge and its state in words, setting and removing it, aligning after a conflict. */
class GitSettingsTest extends PageTestSupport {

    private static final String PASSWORD = "s3cret-pass-never-shown";

    @BeforeEach
    void list() {
        API.json("GET", "/api/lists/demo/members", """
                {"members": [{"member": "alice", "role": "owner"}, {"member": "bob", "role": "curator"}], "changes": []}""");
        API.json("GET", "/api/lists/demo/lint-profile", "{\"rules\": {}, \"sameUrlInSections\": false, \"catalogue\": []}");
        API.json("GET", "/api/lists/demo/review-policy", "{\"requiredApprovals\": 1, \"authorCounts\": false, \"dismissOnAmend\": true}");
        API.json("GET", "/api/lists/demo/webhooks", "[]");
    }

    @Test
    void aListWithoutABridgeOffersToConnectOneWithTheUsualBranchAndFile() throws Exception {
        String html = settings("en");

        assertThat(html).contains("<h2 id=\"git-heading\">Git</h2>", "This list is not connected to git.")
                .contains("action=\"/lists/demo/settings/git\"")
                .contains("name=\"branch\" spellcheck=\"false\" required maxlength=\"250\"\n           value=\"main\"")
                .contains("value=\"README.md\"")
                .contains("<input type=\"password\" id=\"git-password\" name=\"password\" maxlength=\"1000\" autocomplete=\"new-password\"")
                .doesNotContain("action=\"/lists/demo/settings/git/remove\"").doesNotContain("/git/align");
        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.uri()).isEqualTo("/api/lists/demo/git");
            assertThat(seen.authorization()).isEqualTo("Bearer token-of-alice");
        });
    }

    @Test
    void aBridgeInConflictShowsWhereItStandsAndTheTwoWaysToAlign() throws Exception {
        API.json("GET", "/api/lists/demo/git", bridge("conflict", "the file differs from the list's export <at 3 lines>"));

        String html = settings("en");

        assertThat(html).contains("<strong>Conflict</strong>", "nothing is published until an owner chooses which side to take")
                .contains("<code>https://git.example/demo.git</code> <code>main:README.md</code>")
                .contains("publishes to git; pulls from git")
                .contains("<code>abcdef1</code> (version 7)", "<code>1234567</code>")
                .contains("3 versions")
                .contains("the file differs from the list's export &lt;at 3 lines&gt; (2 failed attempts in a row)")
                .contains("kept (never shown)", "Leave both empty to keep them")
                .contains("<input type=\"hidden\" name=\"take\" value=\"list\">", "<input type=\"hidden\" name=\"take\" value=\"branch\">")
                .contains("Makes one commit on main, reviewed by you, that writes the list over README.md")
                .contains("Makes the file README.md on main the list's next version here, credited to its last git author.")
                .contains("value=\"https://git.example/demo.git\"")
                .contains("action=\"/lists/demo/settings/git/remove\"");
    }

    @Test
    void everyStateHasItsWordsInBothLanguages() throws Exception {
        for (String state : GitBridge.STATES) {
            API.json("GET", "/api/lists/demo/git", bridge(state, null));
            for (String language : new String[] {"en", "zh-CN"}) {
                String html = settings(language);
                assertThat(html).as(state + " in " + language).contains("class=\"git-state state-" + state + "\"")
                        .doesNotContain("settings.git.");
            }
            if (!state.equals("conflict")) {
                assertThat(settings("en")).as(state).doesNotContain("/git/align").doesNotContain("Unknown");
            }
        }
    }

    @Test
    void settingTheBridgeSendsItWithTheCredentialsAndGoesBack() throws Exception {
        API.json("PUT", "/api/lists/demo/git", bridge("pending", null));

        MvcResult answer = mvc.perform(post("/lists/demo/settings/git").with(signedIn("alice", "CURATOR")).with(csrf())
                .param("repository", " https://git.example/demo.git ").param("branch", "main").param("path", "docs/list.md")
                .param("pull", "true").param("username", "alice").param("password", PASSWORD)).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(303);
        assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/lists/demo/settings?saved=git#git");
        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.method()).isEqualTo("PUT");
            assertThat(seen.uri()).isEqualTo("/api/lists/demo/git");
            assertThat(seen.authorization()).isEqualTo("Bearer token-of-alice");
            assertThat(seen.body()).startsWith("{\"repository\":\"https://git.example/demo.git\",\"branch\":\"main\","
                    + "\"path\":\"docs/list.md\",\"publish\":false,\"pull\":true,\"credentials\":{")
                    .contains("\"username\":\"alice\"", "\"password\":\"" + PASSWORD + "\"");
        });
        assertThat(mvc.perform(get("/lists/demo/settings").param("saved", "git").with(signedIn("alice", "CURATOR")))
                .andReturn().getResponse().getContentAsString()).contains("Git bridge saved.");
    }

    @Test
    void withoutCredentialsTheKeptOnesStay() throws Exception {
        API.json("PUT", "/api/lists/demo/git", bridge("pending", null));

        mvc.perform(post("/lists/demo/settings/git").with(signedIn("alice", "CURATOR")).with(csrf())
                .param("repository", "https://git.example/demo.git").param("branch", "main").param("path", "README.md")
                .param("publish", "true").param("pull", "true")).andReturn();

        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.method()).isEqualTo("PUT");
            assertThat(seen.body()).contains("\"publish\":true").doesNotContain("credentials");
        });
    }

    @Test
    void aRefusalIsShownOnTheFormWithItsFieldMarkedAndThePasswordNotEchoed() throws Exception {
        API.answer("PUT", "/api/lists/demo/git", 400, "application/problem+json", """
                {"type": "urn:curation:problem:no-such-branch", "title": "No such branch", "status": 400,
                 "detail": "the repository has no branch 'mian'", "field": "branch"}""");

        MvcResult answer = mvc.perform(post("/lists/demo/settings/git").with(signedIn("alice", "CURATOR")).with(csrf())
                .param("repository", "https://git.example/demo.git").param("branch", "mian").param("path", "README.md")
                .param("publish", "true").param("username", "alice").param("password", PASSWORD)).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        String html = answer.getResponse().getContentAsString();
        assertThat(html).contains("<p class=\"refusal\" role=\"alert\" id=\"git-refusal\">the repository has no branch 'mian'</p>")
                .contains("value=\"mian\" aria-invalid=\"true\" aria-describedby=\"git-refusal\"")
                .contains("value=\"https://git.example/demo.git\"")
                .contains("id=\"git-publish\" name=\"publish\" value=\"true\" checked")
                .doesNotContain("id=\"git-pull\" name=\"pull\" value=\"true\" checked")
                .doesNotContain(PASSWORD);
        assertThat(html.substring(html.indexOf("id=\"git-repository\""), html.indexOf("id=\"git-branch\"")))
                .doesNotContain("aria-invalid");
    }

    @Test
    void refusedCredentialsMarkBothFields() throws Exception {
        API.answer("PUT", "/api/lists/demo/git", 400, "application/problem+json", """
                {"type": "urn:curation:problem:invalid-input", "title": "Invalid", "status": 400,
                 "detail": "credentials needs a username and a password (or token)", "field": "credentials"}""");

        String html = mvc.perform(post("/lists/demo/settings/git").with(signedIn("alice", "CURATOR")).with(csrf())
                .param("repository", "https://git.example/demo.git").param("branch", "main").param("path", "README.md")
                .param("password", PASSWORD)).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"git-username\"").contains("aria-invalid=\"true\" aria-describedby=\"git-refusal git-credentials-hint\"")
                .doesNotContain(PASSWORD);
        assertThat(html.split("aria-invalid=\"true\"", -1)).hasSize(3);
    }

    @Test
    void removingAndAligningGoBackWithAConfirmation() throws Exception {
        API.answer("DELETE", "/api/lists/demo/git", 204, "application/json", "");
        API.json("POST", "/api/lists/demo/git/align", bridge("pending", null));

        MvcResult removed = mvc.perform(post("/lists/demo/settings/git/remove").with(signedIn("alice", "CURATOR")).with(csrf()))
                .andReturn();
        MvcResult aligned = mvc.perform(post("/lists/demo/settings/git/align").with(signedIn("alice", "CURATOR")).with(csrf())
                .param("take", "branch")).andReturn();

        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/lists/demo/settings?saved=gitRemoved#git");
        assertThat(aligned.getResponse().getRedirectedUrl()).isEqualTo("/lists/demo/settings?saved=gitAligned#git");
        assertThat(API.seen()).anySatisfy(seen -> assertThat(seen.method() + " " + seen.uri()).isEqualTo("DELETE /api/lists/demo/git"));
        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.method() + " " + seen.uri()).isEqualTo("POST /api/lists/demo/git/align");
            assertThat(seen.body()).isEqualTo("{\"take\":\"branch\"}");
        });
    }

    @Test
    void someoneWhoIsNotAnOwnerChangesNothing() throws Exception {
        MvcResult answer = mvc.perform(post("/lists/demo/settings/git/remove").with(signedIn("bob", "CURATOR")).with(csrf()))
                .andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(403);
        assertThat(API.seen()).noneSatisfy(seen -> assertThat(seen.method()).isEqualTo("DELETE"));
    }

    private String settings(String language) throws Exception {
        return mvc.perform(get("/lists/demo/settings").with(signedIn("alice", "CURATOR")).header("Accept-Language", language))
                .andReturn().getResponse().getContentAsString();
    }

    private static String bridge(String state, @Nullable String error) {
        return "{\"repository\": \"https://git.example/demo.git\", \"branch\": \"main\", \"path\": \"README.md\", "
                + "\"publish\": true, \"pull\": true, \"credentials\": true, \"state\": \"" + state + "\", "
                + "\"lastCommit\": \"abcdef1234567890\", \"lastVersion\": 7, \"remoteHead\": \"1234567890abcdef\", "
                + "\"unpublishedVersions\": 3, \"lastError\": " + (error == null ? "null" : "\"" + error + "\"")
                + ", \"failures\": 2, \"lastAttemptAt\": \"2026-01-02T03:04:05Z\", \"nextAttemptAt\": null}";
    }
}
