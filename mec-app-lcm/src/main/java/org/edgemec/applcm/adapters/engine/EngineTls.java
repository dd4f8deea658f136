package org.edgemec.applcm.adapters.engine;

import com.github.dockerjava.core.util.CertificateUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS to an engine's API as Docker's {@code --tlsverify} does it: the server is verified against one CA (and its
 * certificate must name the endpoint's host), the client authenticates with its certificate and key. All three are
 * PEM files; the key may be PKCS#8 or the older RSA PKCS#1 form (parsed by docker-java's CertificateUtils with Bouncy
 * Castle's PEM parser). Everything is read and checked when the settings are loaded, so a bad file fails then, not at the
 * first request.
 */
public final class EngineTls {

    /** Which of the three files a problem is in. */
    public enum Part { CA_CERT, CLIENT_CERT, CLIENT_KEY }

    /** A file that is missing, unreadable, not PEM, or does not fit the others. */
    public static final class InvalidMaterialException extends IllegalArgumentException {
        private final Part part;

        InvalidMaterialException(Part part, String message, Throwable cause) {
            super(message, cause);
            this.part = part;
        }

        public Part part() {
            return part;
        }
    }

    private static final char[] KEY_PASSWORD = "edgemec".toCharArray();

    private final SSLContext context;
    private final String description;

    EngineTls(SSLContext context, String description) {
        this.context = Objects.requireNonNull(context, "context");
        this.description = description;
    }

    /** Reads and checks the CA certificate(s), the client certificate chain and its private key. */
    public static EngineTls load(Path caCert, Path clientCert, Path clientKey) {
        List<Certificate> cas = certificates(Part.CA_CERT, caCert);
        List<Certificate> chain = certificates(Part.CLIENT_CERT, clientCert);
        PrivateKey key = privateKey(clientKey);
        checkKeyMatches(key, chain.get(0), clientCert, clientKey);
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null);
            for (int i = 0; i < cas.size(); i++) {
                trust.setCertificateEntry("ca-" + i, cas.get(i));
            }
            KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
            keys.load(null);
            keys.setKeyEntry("client", key, KEY_PASSWORD, chain.toArray(Certificate[]::new));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return new EngineTls(context, "CA " + caCert + ", client certificate " + clientCert);
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidMaterialException(Part.CLIENT_KEY, "cannot build a TLS context from " + clientCert + " and "
                    + clientKey + ": " + e.getMessage(), e);
        }
    }

    public SSLContext sslContext() {
        return context;
    }

    @Override
    public String toString() {
        return description;
    }

    private static String read(Part part, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidMaterialException(part, file + " does not exist or is not a file", null);
        }
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new InvalidMaterialException(part, "cannot read " + file + ": " + e, e);
        }
    }

    private static List<Certificate> certificates(Part part, Path file) {
        String pem = read(part, file);
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new InvalidMaterialException(part, file + " holds no PEM certificate", null);
        }
        try {
            // the JDK's parser reads PEM; CertificateUtils would need Bouncy Castle registered as a JCA provider
            List<Certificate> certs = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
            if (certs.isEmpty()) {
                throw new InvalidMaterialException(part, file + " holds no PEM certificate", null);
            }
            return certs;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof InvalidMaterialException ime) {
                throw ime;
            }
            throw new InvalidMaterialException(part, file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String pem = read(Part.CLIENT_KEY, file);
        PrivateKey key;
        try {
            key = CertificateUtils.loadPrivateKey(pem);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidMaterialException(Part.CLIENT_KEY, file + " is not a PEM private key: " + e.getMessage(),
                    e);
        }
        if (key == null) {
            throw new InvalidMaterialException(Part.CLIENT_KEY, file + " holds no PEM private key", null);
        }
        return key;
    }

    /** A key from another pair would only fail later, in the handshake: sign with it, verify with the certificate. */
    private static void checkKeyMatches(PrivateKey key, Certificate cert, Path certFile, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return; // no sample signature for this key type; the handshake checks it
        }
        byte[] sample = "edgemec engine tls".getBytes(StandardCharsets.US_ASCII);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(sample);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(((X509Certificate) cert).getPublicKey());
            verifier.update(sample);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException | ClassCastException e) {
            matches = false;
        }
        if (!matches) {
            throw new InvalidMaterialException(Part.CLIENT_KEY, keyFile + " is not the private key of the certificate in "
                    + certFile, null);
        }
    }
}
