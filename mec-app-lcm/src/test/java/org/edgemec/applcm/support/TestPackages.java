package org.edgemec.applcm.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds package zips for tests: an AppD plus an image archive (or any entries a test wants). */
public final class TestPackages {

    private TestPackages() {
    }

    /** A valid AppD JSON for the given appDId and image, with the archive at images/app.tar. */
    public static String appD(String appDId, String imageName, String containerFormat, int memMb, int cpus) {
        return """
                {"appDId": "%s", "appName": "counter", "appProvider": "edgemec", "appSoftVersion": "1.0",
                 "appDVersion": "1.0", "mecVersion": "3.1.1", "appDescription": "counter test app",
                 "virtualComputeDescriptor": {"virtualComputeDescId": "counter-compute",
                   "virtualMemory": {"virtualMemSize": %d}, "virtualCpu": {"numVirtualCpu": %d}},
                 "swImageDescriptor": [{"id": "counter-image", "name": "%s", "version": "1.0",
                   "containerFormat": "%s", "swImage": {"id": "counter-file", "name": "images/app.tar",
                   "version": "1.0", "containerFormat": "%s"}}],
                 "appExtCpd": [{"inherited_attributes": {"cpdId": "cp1", "layerProtocol": "IP_OVER_ETHERNET"}}],
                 "appDNSRule": [{"dnsRuleId": "dns-1", "domainName": "counter.mec.example", "ipAddressType": "IP_V4",
                   "ipAddress": "10.0.0.12", "ttl": 30}]}
                """.formatted(appDId, memMb, cpus, imageName, containerFormat, containerFormat);
    }

    public static String newAppDId() {
        return "appd-" + UUID.randomUUID();
    }

    /** A docker-archive-shaped tar whose manifest lists {@code repoTag} (enough for onboarding checks). */
    public static byte[] fakeImageArchive(String repoTag) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", ("[{\"Config\":\"cfg.json\",\"RepoTags\":[\"" + repoTag
                + "\"],\"Layers\":[]}]").getBytes(StandardCharsets.UTF_8));
        entries.put("cfg.json", "{}".getBytes(StandardCharsets.UTF_8));
        return tar(entries);
    }

    public static byte[] tar(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A package zip with appd.json and a fake image archive of {@code image}. */
    public static byte[] packageZip(String appDId, String image) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("appd.json", appD(appDId, image, "DOCKER", 64, 1).getBytes(StandardCharsets.UTF_8));
        entries.put("images/app.tar", fakeImageArchive(image));
        return zip(entries);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
