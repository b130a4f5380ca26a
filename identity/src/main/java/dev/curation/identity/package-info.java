/**
 * The OIDC issuer of the local stack, and a stand-in for teams without one: Spring Authorization
 * Server with each configured account registered as a client (client credentials grant), and the
 * same accounts signing in on its sign-in page for the configured web clients (authorization code
 * flow with PKCE). Its access tokens are JWTs naming the account ({@code preferred_username}) and
 * carrying its global roles ({@code roles}), the claims the command service reads, whichever way
 * they were got. Nothing here knows lists or members; the lists check those themselves.
 */
@NullMarked
package dev.curation.identity;

import org.jspecify.annotations.NullMarked;
