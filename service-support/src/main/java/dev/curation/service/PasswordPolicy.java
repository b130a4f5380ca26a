package dev.curation.service;

import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a configured account's password must be, checked at start-up: an encoded hash with the
 * {@code {id}} prefix Spring Security's delegating encoder reads, by a slow hash function. A raw
 * password without a prefix used to start the service and then make every sign-in a 500; an
 * empty {@code {noop}} or an {@code {MD5}} hash started it and let anyone guess. Plain text
 * ({@code {noop}}) is for the local stack only, and never empty there either. The command
 * service holds its HTTP Basic accounts to it, the identity service its clients' secrets.
 */
public final class PasswordPolicy {

    private static final Set<String> SLOW = Set.of("bcrypt", "argon2", "argon2@SpringSecurity_v5_8", "pbkdf2",
            "pbkdf2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8");
    private static final PasswordEncoder ENCODERS = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private PasswordPolicy() {
    }

    /** @return why the password is refused, or null when it is acceptable */
    public static @Nullable String problem(@Nullable String password, boolean localAccounts) {
        if (password == null || password.isBlank()) {
            return "has no password";
        }
        if (!password.startsWith("{") || password.indexOf('}') < 2) {
            return "has a password without its encoding prefix; configure a hash such as {bcrypt}$2a$10$...";
        }
        String id = password.substring(1, password.indexOf('}'));
        String encoded = password.substring(password.indexOf('}') + 1);
        if (id.equals("noop")) {
            if (!localAccounts) {
                return "has a plain-text {noop} password, which only the local stack accepts; configure a {bcrypt} hash";
            }
            return encoded.isEmpty() ? "has an empty password" : null;
        }
        if (!SLOW.contains(id)) {
            return "has a {" + id + "} password; use a slow hash: {bcrypt}, {argon2}, {pbkdf2} or {scrypt}";
        }
        if (id.equals("bcrypt") && !BCRYPT.matcher(encoded).matches()) {
            return "has a {bcrypt} password that is not a bcrypt hash";
        }
        return encoded.isEmpty() ? "has an empty password hash" : null;
    }

    /**
     * Why the account's password is refused, or null: {@link #problem} and, outside the local
     * stack, a password that is the account's name (its hash checked against the name, as a
     * sign-in would check it; plain text and unprefixed passwords are refused by {@link #problem}
     * already).
     */
    public static @Nullable String refusal(String name, @Nullable String password, boolean localAccounts) {
        String problem = problem(password, localAccounts);
        if (problem != null) {
            return problem;
        }
        if (!localAccounts && password != null && isTheName(name, password)) {
            return "has the account's name as its password; configure a hash of another password ({bcrypt}...)";
        }
        return null;
    }

    private static boolean isTheName(String name, String password) {
        try {
            return ENCODERS.matches(name, password);
        } catch (RuntimeException | LinkageError e) {
            // an encoder that cannot run here ({argon2} and {scrypt} need Bouncy Castle): not this check's refusal
            return false;
        }
    }
}
