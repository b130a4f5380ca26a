/**
 * Who is signed in: the OAuth2 client of the issuer (authorization code with PKCE), the session
 * kept in PostgreSQL so that it outlives a restart and is shared by replicas, and the browser-side
 * rules (CSRF, content security policy, cookies).
 */
@NullMarked
package dev.curation.web.signin;

import org.jspecify.annotations.NullMarked;
