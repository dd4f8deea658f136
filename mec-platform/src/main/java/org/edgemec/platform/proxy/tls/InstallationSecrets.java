package org.edgemec.platform.proxy.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** Secrets shared by the platform instances of one installation, kept next to the CA. */
public final class InstallationSecrets {

    private InstallationSecrets() {
    }

    /** The session-cookie HMAC key of {@code dir}, created on first use (32 random bytes). */
    public static byte[] sessionKey(Path dir) {
        Path file = dir.resolve("session.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    PemFiles.createAtomically(file, Base64.getEncoder().encodeToString(key) + "\n");
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first: use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
