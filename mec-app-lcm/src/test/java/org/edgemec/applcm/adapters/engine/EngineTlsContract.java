package org.edgemec.applcm.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.EngineTimeoutException;
import org.edgemec.applcm.domain.engine.EngineUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * What a TLS engine endpoint (scripts/setup-engines.sh: socat requiring a client certificate of the test CA) must
 * refuse, and how the adapter reports it: promptly, as an {@link EngineUnavailableException} saying TLS failed,
 * both through docker-java and through the raw API (checkpoint/restore).
 */
interface EngineTlsContract {

    /** The https:// endpoint of the engine under test. */
    URI tlsEndpoint();

    /** The adapter under test pointed at {@code endpoint} with {@code tls} (null: none). */
    DockerApiEngine withTls(URI endpoint, EngineTls tls);

    @Test
    default void tcpEndpointWithTlsSettingsReachesTheEngine() {
        // Docker's form: tcp:// plus TLS settings is TLS, as https:// is
        try (ContainerEngine engine = withTls(URI.create("tcp://" + tlsEndpoint().getRawAuthority()),
                TestEngines.clientTls())) {
            engine.ping();
            assertTrue(engine.imageId(TestEngines.counterImage()).isPresent());
        }
    }

    @Test
    default void engineRefusesClientWithoutCertificate() throws Exception {
        Path dir = TestEngines.tlsDir();
        assertTlsRefused(new EngineTls(trustOnly(dir.resolve("ca/ca.pem")), "no client certificate"), ": TLS ");
    }

    @Test
    default void engineRefusesCertificateOfAnotherCa() {
        Path dir = TestEngines.tlsDir();
        assertTlsRefused(EngineTls.load(dir.resolve("ca/ca.pem"), dir.resolve("other-ca/cert.pem"),
                dir.resolve("other-ca/key.pem")), ": TLS ");
    }

    @Test
    default void clientRefusesEngineWhoseCertificateItsCaDidNotSign() {
        Path dir = TestEngines.tlsDir();
        assertTlsRefused(EngineTls.load(dir.resolve("other-ca/ca.pem"), dir.resolve("client/cert.pem"),
                dir.resolve("client/key.pem")), ": TLS failed");
    }

    @Test
    default void plainHttpToTheTlsEndpointFailsAsUnreachable() {
        URI plain = URI.create("tcp://" + tlsEndpoint().getRawAuthority());
        try (DockerApiEngine engine = withTls(plain, null)) {
            EngineException e = assertThrows(EngineException.class, engine::ping);
            assertTrue(e instanceof EngineUnavailableException && !(e instanceof EngineTimeoutException),
                    "unreachable, not a timeout: " + e);
        }
    }

    /**
     * {@code expected} follows the endpoint in the message: ": TLS failed" for an alert or a server certificate the
     * client rejects; a refusal by the server may also show as ": TLS connection closed by the engine" (after the
     * client's side of a TLS 1.3 handshake), whichever the client sees first.
     */
    private void assertTlsRefused(EngineTls tls, String expected) {
        try (DockerApiEngine engine = withTls(tlsEndpoint(), tls)) {
            EngineException e = assertThrows(EngineException.class, engine::ping);
            assertTrue(e instanceof EngineUnavailableException, "unavailable: " + e);
            assertTrue(e.getMessage().contains(tlsEndpoint() + expected), e.getMessage());
            System.out.println("[" + engine.name() + "] refused: " + e.getMessage());
            // the raw API (checkpoint/restore) goes through the same transport, so it is refused alike
            EngineException raw = assertThrows(EngineException.class,
                    () -> engine.raw.sendForText("GET", "/_ping", null, null));
            assertTrue(raw.getMessage().contains(tlsEndpoint() + expected), raw.getMessage());
            assertFalse(raw instanceof EngineTimeoutException, raw.getMessage());
        }
    }

    private static SSLContext trustOnly(Path ca) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null);
        try (InputStream in = Files.newInputStream(ca)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
