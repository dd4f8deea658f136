package org.edgemec.platform.proxy.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformCaTest {

    @Test
    void shouldReuseTheCaOfTheDirectoryOnNextStart(@TempDir Path dir) throws Exception {
        PlatformCa first = PlatformCa.loadOrCreate(dir);
        PlatformCa second = PlatformCa.loadOrCreate(dir);
        assertEquals(first.certificate(), second.certificate());
        assertEquals(first.certificatePem(), Files.readString(dir.resolve("ca.pem")));
        assertArrayEquals(InstallationSecrets.sessionKey(dir), InstallationSecrets.sessionKey(dir));
    }

    @Test
    void shouldIssueServerCertificateSignedByTheCaForEveryName(@TempDir Path dir) throws Exception {
        PlatformCa ca = PlatformCa.loadOrCreate(dir);
        PlatformCa.IssuedCertificate issued = ca.issueServerCertificate(List.of("app.edge.test", "127.0.0.1"));
        List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(issued.chainPem().getBytes(StandardCharsets.US_ASCII)))
                .stream().map(X509Certificate.class::cast).toList();
        assertEquals(2, chain.size());
        chain.get(0).verify(ca.certificate().getPublicKey());
        assertEquals(ca.certificate(), chain.get(1));
        Set<String> sans = chain.get(0).getSubjectAlternativeNames().stream()
                .map(san -> String.valueOf(((List<?>) san).get(1))).collect(Collectors.toSet());
        assertEquals(Set.of("app.edge.test", "127.0.0.1"), sans);
        assertTrue(chain.get(0).getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertTrue(issued.keyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(-1, chain.get(0).getBasicConstraints());
    }
}
