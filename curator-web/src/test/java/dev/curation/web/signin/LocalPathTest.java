package dev.curation.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Sign in and come back" never sends anyone to another site. */
class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lists/a", "/lists/a/proposals?status=open", "/lists/%E4%B8%AD"})
    void aPathOfThisSiteIsKept(String next) {
        assertThat(LocalPath.orHome(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
            "javascript:alert(1)", "lists/a", "", "/a\r\nLocation: https://evil.example", "/a b"})
    void anythingElseGoesHome(String next) {
        assertThat(LocalPath.orHome(next)).isEqualTo("/");
    }
}
