package org.edgemec.applcm.domain.pkg;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.mec0102.appd.SwImageDescriptor;

/**
 * Reads and checks a package zip: exactly one AppD ({@code appd.json}, {@code appd.yaml} or {@code appd.yml} at any
 * depth, name case-insensitive), valid against the MEC 010-2 AppD; its first swImageDescriptor names the image
 * ({@code name}) and the archive inside the zip ({@code swImage.name}); a DOCKER archive must be an image archive
 * holding that image, a BARE one a non-empty root file system tar.
 */
@ApplicationScoped
public class PackageReader {

    private final ObjectMapper jsonMapper;
    private final ObjectMapper yamlMapper;
    private final Validator validator;
    private final LcmConfig config;

    /** The AppD and an image archive's manifest.json are read into memory: no bigger than this. */
    static final long DESCRIPTOR_MAX = 4L * 1024 * 1024;
    /** The central directory is read into memory when the zip is opened: no bigger than this. */
    static final long DIRECTORY_MAX = 16L * 1024 * 1024;

    public PackageReader(Validator validator, LcmConfig config) {
        this.validator = validator;
        this.config = config;
        this.jsonMapper = Json.newMapper();
        this.yamlMapper = Json.configure(new ObjectMapper(new YAMLFactory()));
    }

    /**
     * Refuses an archive that would unpack to more than it may, before anything unpacks it: its end-of-central-
     * directory record (entry count, directory size; ZIP64 is not accepted), then the sizes its entries declare
     * (the sum, and AppD files above {@link #DESCRIPTOR_MAX}). Reading later holds each entry to its declared size, so
     * a lying header fails there.
     */
    public void checkLimits(Path zipPath) {
        long maxBytes = config.maxPackageUncompressedBytes();
        int maxEntries = config.maxPackageEntries();
        try {
            Eocd eocd = Eocd.of(zipPath);
            if (eocd.entries() > maxEntries) {
                throw new TooLarge("package archive has " + eocd.entries() + " entries; at most "
                        + maxEntries + " are accepted");
            }
            if (eocd.directorySize() > DIRECTORY_MAX) {
                throw new TooLarge("package archive's central directory is " + eocd.directorySize()
                        + " bytes; at most " + DIRECTORY_MAX + " are accepted");
            }
            try (ZipFile zip = new ZipFile(zipPath.toFile())) {
                long total = 0;
                int count = 0;
                for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                    ZipEntry e = en.nextElement();
                    if (++count > maxEntries) {
                        throw new TooLarge("package archive has more than " + maxEntries
                                + " entries");
                    }
                    long size = e.getSize();
                    if (size < 0) {
                        throw new TooLarge("package archive entry " + e.getName()
                                + " declares no size");
                    }
                    total += size;
                    if (total > maxBytes) {
                        throw new TooLarge("package archive unpacks to more than " + maxBytes
                                + " bytes (at entry " + e.getName() + ")");
                    }
                    if (isAppD(e) && size > DESCRIPTOR_MAX) {
                        throw new TooLarge("AppD " + e.getName() + " is " + size + " bytes; at most "
                                + DESCRIPTOR_MAX + " are accepted");
                    }
                }
            }
        } catch (ZipException e) {
            throw new InvalidPackageException("package is not a zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidPackageException("package cannot be read: " + e.getMessage());
        }
    }

    /** The archive would unpack to more than allowed (a zip bomb); its header says so before anything unpacks. */
    public static final class TooLarge extends InvalidPackageException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** The zip's end-of-central-directory record: the last 22..65557 bytes, found by its signature. */
    private record Eocd(long entries, long directorySize) {

        static Eocd of(Path zipPath) throws IOException {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(zipPath)) {
                long size = ch.size();
                int tail = (int) Math.min(size, 22 + 65535);
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                ch.read(buf, size - tail);
                for (int i = tail - 22; i >= 0; i--) {
                    if (buf.getInt(i) == 0x06054b50) {
                        long entries = buf.getShort(i + 10) & 0xFFFF;
                        long dir = buf.getInt(i + 12) & 0xFFFFFFFFL;
                        if (entries == 0xFFFF || dir == 0xFFFFFFFFL) {
                            throw new TooLarge("package archive is a ZIP64 archive; it is not "
                                    + "accepted (at most 65534 entries and 4 GiB)");
                        }
                        return new Eocd(entries, dir);
                    }
                }
                throw new ZipException("no end of central directory record");
            }
        }
    }

    private static boolean isAppD(ZipEntry e) {
        String base = e.getName().substring(e.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return !e.isDirectory() && base.matches("appd\\.(json|ya?ml)");
    }

    /** An entry's stream held to {@code max} bytes: a zip that lies about a size cannot unpack to more. */
    private static InputStream bounded(InputStream in, long max, String what) {
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) {
                read += n;
                if (read > max) {
                    throw new InvalidPackageException(what + " unpacks to more than " + max + " bytes");
                }
            }
        };
    }

    public ParsedPackage read(Path zipPath) {
        checkLimits(zipPath);
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            ZipEntry appdEntry = findAppD(zip);
            AppD appD = parseAppD(zip, appdEntry);
            SwImageDescriptor sw = appD.swImageDescriptor().get(0);
            ImageKind kind = imageKind(sw.containerFormat());
            String archive = sw.swImage() == null ? null : sw.swImage().name();
            if (archive == null || archive.isBlank()) {
                throw new InvalidPackageException("swImageDescriptor[0].swImage.name must name the image archive "
                        + "inside the package");
            }
            ZipEntry imageEntry = zip.getEntry(archive);
            if (imageEntry == null || imageEntry.isDirectory()) {
                throw new InvalidPackageException("image archive " + archive + " named by swImageDescriptor[0]"
                        + ".swImage.name is not in the package");
            }
            try (InputStream in = bounded(zip.getInputStream(imageEntry), imageEntry.getSize(), "image archive "
                    + archive)) {
                checkArchive(in, kind, sw.name(), archive);
            }
            return new ParsedPackage(appD, jsonMapper.writeValueAsString(appD), sw.name(), archive, kind);
        } catch (ZipException e) {
            throw new InvalidPackageException("package is not a zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidPackageException("package cannot be read: " + e.getMessage());
        }
    }

    private static ZipEntry findAppD(ZipFile zip) {
        ZipEntry found = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            String base = e.getName().substring(e.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (!e.isDirectory() && base.matches("appd\\.(json|ya?ml)")) {
                if (found != null) {
                    throw new InvalidPackageException("package holds two AppDs: " + found.getName() + " and "
                            + e.getName());
                }
                found = e;
            }
        }
        if (found == null) {
            throw new InvalidPackageException("package holds no AppD (appd.json, appd.yaml or appd.yml)");
        }
        return found;
    }

    private AppD parseAppD(ZipFile zip, ZipEntry entry) throws IOException {
        ObjectMapper mapper = entry.getName().toLowerCase(Locale.ROOT).endsWith(".json") ? jsonMapper : yamlMapper;
        AppD appD;
        try (InputStream in = bounded(zip.getInputStream(entry), Math.min(entry.getSize(), DESCRIPTOR_MAX),
                "AppD " + entry.getName())) {
            JsonNode tree = mapper.readTree(in);
            appD = jsonMapper.treeToValue(tree, AppD.class);
        } catch (JacksonException e) {
            throw new InvalidPackageException("AppD " + entry.getName() + " is invalid: " + e.getOriginalMessage()
                    + pathOf(e));
        }
        if (appD == null) {
            throw new InvalidPackageException("AppD " + entry.getName() + " is empty");
        }
        Set<ConstraintViolation<AppD>> violations = validator.validate(appD);
        if (!violations.isEmpty()) {
            ConstraintViolation<AppD> v = violations.iterator().next();
            throw new InvalidPackageException("AppD " + entry.getName() + ": " + v.getPropertyPath() + " "
                    + v.getMessage());
        }
        return appD;
    }

    private static String pathOf(JacksonException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder(" (at ");
            m.getPath().forEach(r -> sb.append(r.getFieldName() != null ? "/" + r.getFieldName() : "/" + r.getIndex()));
            return sb.append(')').toString();
        }
        return "";
    }

    private static ImageKind imageKind(String containerFormat) {
        try {
            return ImageKind.valueOf(containerFormat.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPackageException("swImageDescriptor[0].containerFormat " + containerFormat
                    + " is not supported: use DOCKER (image archive) or BARE (root file system tar)");
        }
    }

    private void checkArchive(InputStream in, ImageKind kind, String imageName, String archive) throws IOException {
        boolean any = false;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                any = true;
                if (kind == ImageKind.DOCKER && "manifest.json".equals(e.getName())) {
                    if (e.getSize() > DESCRIPTOR_MAX) {
                        throw new InvalidPackageException("image archive " + archive + ": manifest.json is "
                                + e.getSize() + " bytes; at most " + DESCRIPTOR_MAX + " are accepted");
                    }
                    JsonNode manifest = jsonMapper.readTree(tar.readAllBytes());
                    for (JsonNode image : manifest) {
                        for (JsonNode tag : image.path("RepoTags")) {
                            if (tag.asText().equals(imageName)) {
                                return;
                            }
                        }
                    }
                    throw new InvalidPackageException("image archive " + archive + " does not hold image "
                            + imageName + " (swImageDescriptor[0].name); its manifest.json lists " + manifest);
                }
            }
        } catch (IOException e) {
            throw new InvalidPackageException("image archive " + archive + " is not a tar: " + e.getMessage());
        }
        if (kind == ImageKind.DOCKER) {
            throw new InvalidPackageException("image archive " + archive + " has no manifest.json: not an image "
                    + "archive from podman save / docker save");
        }
        if (!any) {
            throw new InvalidPackageException("root file system tar " + archive + " is empty");
        }
    }
}
