package dev.curation.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The RSA key tokens are signed with. Kept in a file when one is configured, so that a restarted
 * issuer (the launcher restarts a crashed one) still vouches for the tokens it gave out; the file
 * is readable by its owner only.
 */
final class SigningKey {

    private SigningKey() {
    }

    static RSAKey loadOrCreate(@Nullable Path file) {
        try {
            if (file != null && Files.isRegularFile(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            if (file != null) {
                write(file, key);
            }
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create a signing key: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException("curation.identity.key-file: " + file + " holds no RSA key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("curation.identity.key-file: cannot use " + file, e);
        }
    }

    private static void write(Path file, RSAKey key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial);
        }
        Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
