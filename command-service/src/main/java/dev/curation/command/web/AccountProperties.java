package dev.curation.command.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts allowed to write, from configuration ({@code curation.security.accounts[i].name},
 * {@code .password} as a Spring Security encoded hash such as {@code {bcrypt}...}, {@code .roles}).
 * {@code local-accounts} permits the well-known local accounts (password = name); only the
 * local stack, bound to loopback, turns it on.
 */
@ConfigurationProperties("curation.security")
public record AccountProperties(@DefaultValue List<Account> accounts, @DefaultValue("false") boolean localAccounts) {

    public record Account(String name, String password, @DefaultValue List<String> roles) {
    }
}
