package org.edgemec.applcm.adapters.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.pkg.InvalidPackageException;
import org.edgemec.applcm.domain.pkg.PackageStore;

/** Package zips on the local disk under {@code edgemec.lcm.package-dir}/{id}/package.zip, written atomically. */
@ApplicationScoped
public class FilePackageStore implements PackageStore {

    private final Path root;

    public FilePackageStore(LcmConfig config) {
        this.root = Path.of(config.packageDir()).toAbsolutePath();
    }

    @Override
    public Stored write(String packageId, InputStream content, long maxBytes) {
        try {
            Path dir = Files.createDirectories(dir(packageId));
            Path tmp = Files.createTempFile(dir, "upload", ".part");
            MessageDigest sha256 = digest("SHA-256");
            MessageDigest sha512 = digest("SHA-512");
            long size = 0;
            try (InputStream in = content; OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[65536];
                for (int n; (n = in.read(buf)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new InvalidPackageException("package is larger than " + maxBytes + " bytes");
                    }
                    sha256.update(buf, 0, n);
                    sha512.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, dir.resolve("package.zip"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return new Stored(size, HexFormat.of().formatHex(sha256.digest()),
                    HexFormat.of().formatHex(sha512.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("storing package " + packageId + " failed", e);
        }
    }

    @Override
    public Path zip(String packageId) {
        Path zip = dir(packageId).resolve("package.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("package " + packageId + " has no stored content");
        }
        return zip;
    }

    @Override
    public boolean exists(String packageId) {
        return Files.isRegularFile(dir(packageId).resolve("package.zip"));
    }

    @Override
    public void delete(String packageId) {
        Path dir = dir(packageId);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting package " + packageId + " failed", e);
        }
    }

    @Override
    public InputStream openEntry(String packageId, String entry) {
        try {
            ZipFile zip = new ZipFile(zip(packageId).toFile());
            ZipEntry e = zip.getEntry(entry);
            if (e == null) {
                zip.close();
                throw new IllegalStateException("package " + packageId + " has no entry " + entry);
            }
            return new FilterInputStream(zip.getInputStream(e)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("reading package " + packageId + " failed", e);
        }
    }

    private Path dir(String packageId) {
        Path dir = root.resolve(packageId).normalize();
        if (!dir.startsWith(root) || packageId.contains("/")) {
            throw new IllegalArgumentException("bad package id " + packageId);
        }
        return dir;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
