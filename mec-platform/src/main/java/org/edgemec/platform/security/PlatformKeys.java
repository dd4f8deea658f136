package org.edgemec.platform.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.edgemec.platform.persistence.PlatformKeyEntity;
import org.edgemec.platform.persistence.PlatformKeyRepository;
import org.jboss.logging.Logger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * The RSA key pair that signs Mp1 access tokens. Generated at the first start and kept in PostgreSQL, so tokens
 * survive restarts and every replica of the platform of this host signs and verifies with the same key.
 */
@ApplicationScoped
public class PlatformKeys {

    private static final Logger LOG = Logger.getLogger(PlatformKeys.class);
    private static final int KEY_ID = 1;

    private final PlatformKeyRepository keys;
    private volatile KeyPair keyPair;

    public PlatformKeys(PlatformKeyRepository keys) {
        this.keys = keys;
    }

    void onStart(@Observes StartupEvent event) {
        keyPair();
    }

    public PrivateKey privateKey() {
        return keyPair().getPrivate();
    }

    public PublicKey publicKey() {
        return keyPair().getPublic();
    }

    /** The JWS {@code kid} of the signing key: the same on every replica of this host's platform. */
    public String keyId() {
        return "edgemec-platform-key-" + KEY_ID;
    }

    private KeyPair keyPair() {
        KeyPair current = keyPair;
        if (current == null) {
            synchronized (this) {
                if (keyPair == null) {
                    keyPair = QuarkusTransaction.requiringNew().call(this::loadOrCreate);
                }
                current = keyPair;
            }
        }
        return current;
    }

    private KeyPair loadOrCreate() {
        PlatformKeyEntity stored = keys.findById(KEY_ID);
        try {
            if (stored == null) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair generated = generator.generateKeyPair();
                stored = new PlatformKeyEntity();
                stored.id = KEY_ID;
                stored.privateKey = Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded());
                stored.publicKey = Base64.getEncoder().encodeToString(generated.getPublic().getEncoded());
                stored.createdAt = OffsetDateTime.now();
                keys.persistAndFlush(stored);
                LOG.info("generated the platform token signing key");
                return generated;
            }
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.privateKey))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("platform signing key unusable", e);
        }
    }
}
