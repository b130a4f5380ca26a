package dev.curation.command.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP Basic accounts, from configuration ({@code curation.security.accounts[i].name},
 * {@code .password} as a Spring Security encoded hash such as {@code {bcrypt}...}, {@code .roles}).
 * Basic is for the local stack: {@code http-basic} turns it on (the local profile does), and
 * elsewhere accounts sign in with bearer tokens of the OIDC issuer. {@code local-accounts}
 * permits the well-known local accounts (password = name); only the local stack, bound to
 * loopback, turns it on.
 *
 * @param accounts      the HTTP Basic accounts
 * @param localAccounts permit the well-known local accounts (password = name); the local stack only
 * @param httpBasic     whether HTTP Basic sign-in is on (the local profile turns it on)
 */
@ConfigurationProperties("curation.security")
public record AccountProperties(@DefaultValue List<Account> accounts, @DefaultValue("false") boolean localAccounts,
                                @DefaultValue("false") boolean httpBasic) {

    /**
     * @param name     the account's name
     * @param password its password as a Spring Security encoded hash, e.g. {@code {bcrypt}...}
     * @param roles    its global roles ({@code CURATOR}, {@code CONTRIBUTOR}, {@code OPERATOR})
     */
    public record Account(String name, String password, @DefaultValue List<String> roles) {
    }
}
