package dev.curation.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed sign-ins ({@code curation.security.login-failures.*}): HTTP Basic on the command
 * service, requests for tokens on the identity service.
 *
 * @param maxPerAddress failures one client address may have within a window before it must wait
 * @param maxPerUser    failures one user name may have within a window, from all addresses together;
 *                      higher than per address, so that a single client cannot lock a user out
 * @param window        how long failures are counted from the first one, and the longest wait
 */
@ConfigurationProperties("curation.security.login-failures")
public record SignInFailureProperties(@DefaultValue("10") int maxPerAddress, @DefaultValue("30") int maxPerUser,
                               @DefaultValue("1m") Duration window) {
}
