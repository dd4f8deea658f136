package org.edgemec.applcm.adapters.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.edgemec.applcm.adapters.engine.EngineTls;
import org.edgemec.applcm.config.HostsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up checks of {@code edgemec.hosts.<name>.engine-tls.*}: each refusal names the property at fault. */
class ConfiguredEngineTlsTest {

    record Files3(Optional<String> caCert, Optional<String> clientCert, Optional<String> clientKey)
            implements HostsConfig.TlsFiles {
        static Files3 of(Path ca, Path cert, Path key) {
            return new Files3(opt(ca), opt(cert), opt(key));
        }

        private static Optional<String> opt(Path p) {
            return Optional.ofNullable(p).map(Path::toString);
        }
    }

    static final Files3 NONE = new Files3(Optional.empty(), Optional.empty(), Optional.empty());
    static final String P = "edgemec.hosts.h1.";

    @TempDir
    static Path dir;
    static Path ca;
    static Path cert;
    static Path pkcs1Key;
    static Path pkcs8Key;
    static Path otherKey;
    static Path garbage;

    @BeforeAll
    static void material() throws Exception {
        KeyPair caPair = rsa();
        KeyPair clientPair = rsa();
        X509Certificate caCert = certificate("test CA", caPair, "test CA", caPair);
        ca = write("ca.pem", pem(caCert));
        cert = write("cert.pem", pem(certificate("client", clientPair, "test CA", caPair)));
        pkcs1Key = write("key-pkcs1.pem", pem(clientPair.getPrivate()));
        pkcs8Key = write("key-pkcs8.pem", pem(new JcaPKCS8Generator(clientPair.getPrivate(), null)));
        otherKey = write("other-key.pem", pem(rsa().getPrivate()));
        garbage = write("garbage.pem", "not a PEM file\n");
    }

    @Test
    void plainTcpAndUnixEndpointsNeedNoTls() {
        assertTrue(ConfiguredEngineTls.resolve("h1", "tcp://10.0.0.5:2375", NONE).isEmpty());
        assertTrue(ConfiguredEngineTls.resolve("h1", "unix:///run/podman.sock", NONE).isEmpty());
    }

    @Test
    void tlsEndpointsWithAllThreeFilesGetATlsContext() {
        for (Path key : new Path[] {pkcs1Key, pkcs8Key}) {
            for (String endpoint : new String[] {"https://127.0.0.1:2376", "tcp://127.0.0.1:2376"}) {
                Optional<EngineTls> tls = ConfiguredEngineTls.resolve("h1", endpoint, Files3.of(ca, cert, key));
                assertNotNull(tls.orElseThrow().sslContext(), endpoint + " " + key);
            }
        }
    }

    @Test
    void httpsEndpointWithoutFilesIsRefused() {
        String message = refused("https://10.0.0.5:2376", NONE);
        assertTrue(message.startsWith(P + "engine-endpoint is https://10.0.0.5:2376, a TLS endpoint"), message);
        for (String key : new String[] {"ca-cert", "client-cert", "client-key"}) {
            assertTrue(message.contains(P + "engine-tls." + key), message);
        }
    }

    @Test
    void partialSetNamesTheMissingProperties() {
        String message = refused("tcp://10.0.0.5:2376", Files3.of(ca, null, null));
        assertTrue(message.startsWith(P + "engine-tls.client-cert, " + P + "engine-tls.client-key not set"), message);
    }

    @Test
    void tlsOnUnixSocketIsRefused() {
        String message = refused("unix:///run/podman.sock", Files3.of(ca, cert, pkcs8Key));
        assertTrue(message.contains("TLS applies only to tcp:// and https://"), message);
    }

    @Test
    void unreadableOrWrongFilesNameTheirProperty() {
        Path missing = dir.resolve("no-such.pem");
        assertEquals(P + "engine-tls.ca-cert: " + missing + " does not exist or is not a file",
                refused("https://h:1", Files3.of(missing, cert, pkcs8Key)));
        assertTrue(refused("https://h:1", Files3.of(ca, garbage, pkcs8Key))
                .startsWith(P + "engine-tls.client-cert: " + garbage + " holds no PEM certificate"));
        assertTrue(refused("https://h:1", Files3.of(pkcs8Key, cert, pkcs8Key))
                .startsWith(P + "engine-tls.ca-cert: " + pkcs8Key + " holds no PEM certificate"));
        assertTrue(refused("https://h:1", Files3.of(ca, cert, garbage))
                .startsWith(P + "engine-tls.client-key: " + garbage), "not a key");
        assertEquals(P + "engine-tls.client-key: " + otherKey + " is not the private key of the certificate in "
                + cert, refused("https://h:1", Files3.of(ca, cert, otherKey)));
    }

    private static String refused(String endpoint, HostsConfig.TlsFiles files) {
        return assertThrows(IllegalStateException.class, () -> ConfiguredEngineTls.resolve("h1", endpoint, files))
                .getMessage();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String cn, KeyPair subject, String issuerCn, KeyPair issuer)
            throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)),
                new X500Name("CN=" + cn), subject.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof JcaPKCS8Generator g ? g.generate() : object);
        }
        return out.toString();
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
