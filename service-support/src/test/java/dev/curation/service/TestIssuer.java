package dev.curation.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An OIDC issuer's signing key for tests: the service is configured with its public half
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), and tokens are signed
 * with the private half, with the claims the local issuer (the identity module) puts in.
 */
public final class TestIssuer {

    private static final String KEY_ID = "test-key";

    private final KeyPair keys;

    public TestIssuer() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JWK set, as an issuer publishes it at its {@code jwks_uri}. */
    public String jwkSet() {
        return new com.nimbusds.jose.jwk.JWKSet(new com.nimbusds.jose.jwk.RSAKey.Builder(
                (java.security.interfaces.RSAPublicKey) keys.getPublic()).keyID(KEY_ID).build()).toString();
    }

    /** A file URI of the public key in PEM, for {@code public-key-location}. */
    public String publicKeyLocation() {
        try {
            Path key = Files.createTempFile("issuer", ".pem");
            Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            return key.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String token(String name, List<String> roles, long secondsValid) {
        return token(name, roles, secondsValid, "curation");
    }

    public String token(String name, List<String> roles, long secondsValid, String audience) {
        return token(name, roles, secondsValid, audience, null);
    }

    /** A token whose {@code iss} is {@code issuer}, for a service that checks it (an issuer URI). */
    public String token(String name, List<String> roles, long secondsValid, String audience, @Nullable String issuer) {
        return signed(name, roles, secondsValid, audience, issuer);
    }

    /** A token whose roles claim is {@code roles} as it is (a string, a number, a list of anything). */
    public String tokenWithRolesClaim(String name, Object roles) {
        return signed(name, roles, 300, "curation", null);
    }

    private String signed(String name, Object roles, long secondsValid, String audience, @Nullable String issuer) {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), new JWTClaimsSet.Builder()
                .issuer(issuer).subject("id-" + name).claim("preferred_username", name).claim("roles", roles).audience(audience)
                .issueTime(Date.from(now.minusSeconds(120))).expirationTime(Date.from(now.plusSeconds(secondsValid))).build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
