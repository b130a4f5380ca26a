package dev.curation.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are slowed down ({@code curation.security.login-failures.*}): HTTP Basic on
 * the command service, requests for tokens on the identity service. See {@link FailedSignIns}.
 *
 * @param freeFailures  failures one account may have from one client address before each further
 *                      attempt of that pair must wait
 * @param firstDelay    the wait after the first failure past the free ones; it doubles with each further one
 * @param maxDelay      the longest wait of one (account, address) pair
 * @param forgetAfter   a pair's failures are forgotten once it has had none for this long (a sign-in forgets them at once)
 * @param maxPerAddress failures one client address may have, for all accounts together, within a window
 *                      before it must wait for the window's end: high, since every client behind one proxy
 *                      or NAT shares an address, and it only bounds guessing across many accounts
 * @param window        how long an address's failures are counted from its first one, and its longest wait
 */
@ConfigurationProperties("curation.security.login-failures")
public record SignInFailureProperties(@DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration firstDelay,
                                      @DefaultValue("5m") Duration maxDelay, @DefaultValue("1h") Duration forgetAfter,
                                      @DefaultValue("100") int maxPerAddress, @DefaultValue("1m") Duration window) {
}
