package dev.curation.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.service.PasswordPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A configured password that would let anyone in, or make every sign-in a 500, stops the start. */
class PasswordPolicyTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{noop}", "{noop}secret", "secret", "{MD5}5f4dcc3b5aa765d61d8327deb882cf99",
            "{SHA-1}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "{sha256}abc", "{bcrypt}secret", "{bcrypt}", "{}x",
            "{unknown}abc"})
    void outsideTheLocalStackOnlySlowHashesStart(String password) {
        assertThat(PasswordPolicy.problem(password, false)).isNotNull();
        AccountProperties accounts = new AccountProperties(List.of(
                new AccountProperties.Account("dana", password, List.of("CURATOR"))), false, true);
        assertThatThrownBy(() -> new SecurityConfig().accounts(accounts))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dana");
    }

    @Test
    void slowHashesAreAccepted() {
        assertThat(PasswordPolicy.problem(encoder.encode("a long passphrase"), false)).isNull();
        assertThat(PasswordPolicy.problem("{pbkdf2@SpringSecurity_v5_8}" + "ab12".repeat(20), false)).isNull();
        assertThat(new SecurityConfig().accounts(new AccountProperties(List.of(new AccountProperties.Account(
                "dana", encoder.encode("a long passphrase"), List.of("CURATOR"))), false, true)).loadUserByUsername("dana"))
                .isNotNull();
    }

    @Test
    void accountsWhereBasicIsOffStopTheStart() {
        // Basic is for the local stack: elsewhere a configured account is a mistake, said with the setting to change
        assertThatThrownBy(() -> new SecurityConfig().accounts(new AccountProperties(List.of(new AccountProperties.Account(
                "dana", encoder.encode("a long passphrase"), List.of("CURATOR"))), false, false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("curation.security.http-basic")
                .hasMessageContaining("issuer-uri");
        assertThat(new SecurityConfig().accounts(new AccountProperties(List.of(), false, false))).isNotNull();
    }

    @Test
    void aHashOfTheNameIsRefusedOutsideTheLocalStack() {
        String ofTheName = encoder.encode("dana");
        assertThat(PasswordPolicy.refusal("dana", ofTheName, false)).contains("name as its password");
        assertThat(PasswordPolicy.refusal("erin", ofTheName, false)).isNull();
        assertThatThrownBy(() -> new SecurityConfig().accounts(new AccountProperties(List.of(new AccountProperties.Account(
                "dana", ofTheName, List.of("CURATOR"))), false, true))).hasMessageContaining("dana");
    }

    @Test
    void theLocalStackTakesPlainTextButNeverEmptyOrUnprefixed() {
        assertThat(PasswordPolicy.problem("{noop}alice", true)).isNull();
        assertThat(PasswordPolicy.problem("{noop}", true)).contains("empty");
        assertThat(PasswordPolicy.problem("alice", true)).contains("prefix");
    }
}
