package org.edgemec.platform.proxy.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;

/** PEM reading and writing, with files created atomically so that concurrent first starts agree on one CA. */
final class PemFiles {

    private PemFiles() {
    }

    record Bundle(KeyPair keys, X509Certificate certificate) {
    }

    static Bundle readOrCreate(Path file, Supplier<Bundle> create) {
        if (!Files.exists(file)) {
            Bundle created = create.get();
            String pem = privateKeyPem(created.keys().getPrivate()) + certificatePem(created.certificate());
            try {
                // The loser of a concurrent creation keeps the winner's CA.
                createAtomically(file, pem);
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read(file);
    }

    /** Writes {@code text} to {@code file} unless it exists (then throws FileAlreadyExistsException). */
    static void createAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".pem");
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.createLink(file, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void writeIfChanged(Path file, String text) {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).equals(text)) {
                return;
            }
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".pem");
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Bundle read(Path file) {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            PrivateKey key = null;
            X509Certificate cert = null;
            JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                } else if (o instanceof PEMKeyPair pair) {
                    key = keys.getKeyPair(pair).getPrivate();
                } else if (o instanceof X509CertificateHolder holder) {
                    cert = new JcaX509CertificateConverter().getCertificate(holder);
                }
            }
            if (key == null || cert == null) {
                throw new IllegalStateException(file + " must hold the CA private key and certificate");
            }
            return new Bundle(new KeyPair(cert.getPublicKey(), key), cert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable CA in " + file, e);
        }
    }

    static String certificatePem(X509Certificate cert) {
        return pem(cert);
    }

    /** PKCS#8 ("PRIVATE KEY"), which every TLS stack reads whatever the key algorithm. */
    static String privateKeyPem(PrivateKey key) {
        String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    private static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
