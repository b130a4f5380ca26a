package dev.curation.command.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures of a delivery, both HMAC-SHA256 with the subscription's secret, so a receiver
 * that recomputes one and refuses an old timestamp cannot be sent a forged or replayed delivery:
 * <ul>
 * <li>{@link #standard}: Standard Webhooks' {@code webhook-signature}, {@code v1,<base64 HMAC of
 * "<webhook-id>.<timestamp>.<body>">}, keyed with the bytes a {@code whsec_} secret encodes, so the
 * official libraries verify it (a secret from before that form is keyed with its UTF-8 bytes: a
 * receiver gives the library {@code whsec_} + the base64 of the old secret);</li>
 * <li>{@link #of}: our own {@code Curation-Signature}, {@code t=<unix seconds>,v1=<hex HMAC of
 * "<t>.<body>">} keyed with the secret's UTF-8 bytes, deprecated (ADR 30).</li>
 * </ul>
 */
public final class WebhookSignature {

    /** The prefix of a Standard Webhooks secret; the rest is the base64 of the key. */
    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** A new secret in the Standard Webhooks form: {@code whsec_} and the base64 of 32 random bytes. */
    public static String newSecret(byte[] key) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Standard Webhooks' {@code webhook-signature} of a delivery. */
    public static String standard(String secret, String id, long timestamp, byte[] body) {
        byte[] key = secret.startsWith(SECRET_PREFIX)
                ? Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        byte[] signed = hmac(key, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    /** The deprecated {@code Curation-Signature} of a delivery. */
    public static String of(String secret, long timestamp, byte[] body) {
        byte[] signed = hmac(secret.getBytes(StandardCharsets.UTF_8), (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signed);
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The SHA-256 of a secret, hex: what an event may say of it. */
    public static String fingerprint(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
