package dev.curation.web.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The settings page: owners only, each form's refusal in the API's words, the webhook secret shown once. */
class SettingsPagesTest extends PageTestSupport {

    @BeforeEach
    void list() {
        API.json("GET", "/api/lists/demo/members", """
                {"members": [{"member": "alice", "role": "owner", "since": "2026-01-02T03:04:05Z", "by": "alice"},
                             {"member": "bob", "role": "curator", "since": "2026-01-02T03:04:05Z", "by": "alice"}],
                 "changes": []}""");
        API.json("GET", "/api/lists/demo/lint-profile", """
                {"rules": {"link-url": "error", "separator": "off", "alphabetical": "warning", "brand-new": "error", "not-catalogued": "warning"},
                 "sameUrlInSections": true,
                 "catalogue": [
                  {"id": "link-url", "description": "A link has a URL <absolute>.", "defaultSeverity": "error"},
                  {"id": "separator", "description": "A description follows its link after ' - '.", "defaultSeverity": "warning"},
                  {"id": "alphabetical", "description": "Entries are in order.", "defaultSeverity": "off"},
                  {"id": "brand-new", "description": "A rule the web app has no words for.", "defaultSeverity": "warning"}]}""");
        API.json("GET", "/api/lists/demo/review-policy", """
                {"requiredApprovals": 3, "authorCounts": true, "dismissOnAmend": false}""");
        API.json("GET", "/api/lists/demo/webhooks", "[]");
    }

    @Test
    void someoneWhoIsNotAnOwnerIsToldSoWithoutAForm() throws Exception {
        MvcResult answer = mvc.perform(get("/lists/demo/settings").with(signedIn("carol", "CONTRIBUTOR"))).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(403);
        String html = answer.getResponse().getContentAsString();
        assertThat(html).contains("Only the list's owners can change settings").contains("role=\"alert\"")
                .doesNotContain("<form method=\"post\" action=\"/lists/demo/settings").doesNotContain("<select");
        // a curator is no owner either
        assertThat(mvc.perform(get("/lists/demo/settings").with(signedIn("bob", "CURATOR"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void anOwnerSeesEveryFormAndTheLintProfileAsSelects() throws Exception {
        MvcResult answer = mvc.perform(get("/lists/demo/settings").with(signedIn("alice", "CURATOR"))).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getContentAsString())
                .contains("action=\"/lists/demo/settings/members\"", "action=\"/lists/demo/settings/review-policy\"",
                        "action=\"/lists/demo/settings/lint-profile\"", "action=\"/lists/demo/settings/webhooks\"")
                .contains("name=\"rule.link-url\"", "name=\"rule.alphabetical\"");
    }

    @Test
    void everyRuleShowsWithItsDescriptionAndThePolicyInForce() throws Exception {
        String html = mvc.perform(get("/lists/demo/settings").with(signedIn("alice", "CURATOR"))).andReturn()
                .getResponse().getContentAsString();

        // every rule of the catalogue in its order, off included, with the API's words escaped, then one it does not know
        assertThat(html).containsSubsequence("name=\"rule.link-url\"", "name=\"rule.separator\"",
                "name=\"rule.alphabetical\"", "name=\"rule.brand-new\"", "name=\"rule.not-catalogued\"");
        assertThat(html).contains("<span class=\"rule-text\" id=\"rule-link-url-text\">A link has a URL &lt;absolute&gt;.")
                .contains("A description follows its link after ' - '.", "Entries are in order.", "(default: Off)")
                .contains("aria-describedby=\"rule-separator-text\"");
        assertThat(selected(html, "rule-separator")).isEqualTo("off");
        assertThat(selected(html, "rule-alphabetical")).isEqualTo("warning");
        assertThat(selected(html, "rule-brand-new")).isEqualTo("error");
        assertThat(html).contains("id=\"sameUrlInSections\" name=\"sameUrlInSections\" value=\"true\" checked");
        // the policy as the API reads it, not the defaults
        assertThat(html).contains("name=\"requiredApprovals\" min=\"1\" max=\"10\" required value=\"3\"")
                .contains("id=\"authorCounts\" name=\"authorCounts\" value=\"true\" checked")
                .doesNotContain("id=\"dismissOnAmend\" name=\"dismissOnAmend\" value=\"true\" checked")
                .doesNotContain("could not be read");
        assertThat(API.seen()).noneSatisfy(seen -> assertThat(seen.uri()).contains("/proposals"));

        // in Chinese the rule's own translation, where there is one
        String chinese = mvc.perform(get("/lists/demo/settings").with(signedIn("alice", "CURATOR"))
                .header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("描述以“ - ”接在链接之后。", "A rule the web app has no words for.")
                .doesNotContain("Entries are in order.");
    }

    /** The value of the selected option of the select {@code id}. */
    private static String selected(String html, String id) {
        int select = html.indexOf("<select id=\"" + id + "\"");
        String options = html.substring(select, html.indexOf("</select>", select));
        Matcher chosen = Pattern.compile("<option value=\"([a-z]+)\" selected").matcher(options);
        return chosen.find() ? chosen.group(1) : "";
    }

    @Test
    void theWebhookSecretIsShownOnceOnTheAnswerAndNeverAgain() throws Exception {
        String secret = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e7";
        API.json("POST", "/api/lists/demo/webhooks", "{\"id\": \"w1\", \"url\": \"https://hooks.example/in\", "
                + "\"kinds\": [\"version\"], \"secret\": \"" + secret + "\"}");

        MvcResult answer = mvc.perform(post("/lists/demo/settings/webhooks").with(signedIn("alice", "CURATOR")).with(csrf())
                .param("url", "https://hooks.example/in").param("kinds", "version")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(answer.getResponse().getContentAsString()).contains(secret).contains("it is not shown again");
        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.method()).isEqualTo("POST");
            assertThat(seen.uri()).isEqualTo("/api/lists/demo/webhooks");
            assertThat(seen.authorization()).isEqualTo("Bearer token-of-alice");
            assertThat(seen.body()).contains("\"url\":\"https://hooks.example/in\"").contains("\"kinds\":[\"version\"]");
        });
        assertThat(answer.getRequest().getSession(false)).satisfiesAnyOf(
                session -> assertThat(session).isNull(),
                session -> assertThat(Collections.list(session.getAttributeNames()))
                        .allSatisfy(name -> assertThat(String.valueOf(session.getAttribute(name))).doesNotContain(secret)));

        API.json("GET", "/api/lists/demo/webhooks", "[{\"id\": \"w1\", \"url\": \"https://hooks.example/in\", "
                + "\"kinds\": [\"version\"], \"state\": \"active\", \"failures\": 0, \"createdAt\": \"2026-01-02T03:04:05Z\"}]");
        String later = mvc.perform(get("/lists/demo/settings").with(signedIn("alice", "CURATOR"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(later).contains("https://hooks.example/in").doesNotContain(secret);
    }

    @Test
    void aRefusedMemberChangeShowsTheApiMessageOnTheForm() throws Exception {
        API.problem("PUT", "/api/lists/demo/members/alice", 409, "alice is the list's last owner: name another owner first");

        MvcResult answer = mvc.perform(post("/lists/demo/settings/members").with(signedIn("alice", "CURATOR")).with(csrf())
                .param("member", "alice").param("role", "contributor")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(409);
        assertThat(answer.getResponse().getContentAsString())
                .contains("<p class=\"refusal\" role=\"alert\">alice is the list's last owner: name another owner first</p>")
                .contains("action=\"/lists/demo/settings/members\"");
        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.method()).isEqualTo("PUT");
            assertThat(seen.body()).isEqualTo("{\"role\":\"contributor\"}");
        });
    }

    @Test
    void anAcceptedChangeGoesBackToThePageWithAConfirmation() throws Exception {
        API.json("PUT", "/api/lists/demo/review-policy", "{\"requiredApprovals\": 2, \"authorCounts\": false, \"dismissOnAmend\": true}");

        MvcResult answer = mvc.perform(post("/lists/demo/settings/review-policy").with(signedIn("alice", "CURATOR")).with(csrf())
                .param("requiredApprovals", "2").param("dismissOnAmend", "true")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(303);
        assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/lists/demo/settings?saved=policy#policy");
        assertThat(API.seen()).anySatisfy(seen -> assertThat(seen.body())
                .contains("\"requiredApprovals\":2", "\"authorCounts\":false", "\"dismissOnAmend\":true"));
    }
}
