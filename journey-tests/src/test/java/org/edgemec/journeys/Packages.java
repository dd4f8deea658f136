package org.edgemec.journeys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The journey's packages: an AppD (src/test/resources/packages, ids and DNS names made unique per run so that runs
 * on the same data directory never collide) plus an image archive naming the test image. The test images are on
 * every engine already (scripts/setup-engines.sh), so the archive holds only its manifest, like
 * postman/fixtures/counter-package.zip.
 */
final class Packages {

    record Package(String appDId, String dnsName, byte[] zip, String sha256) {
    }

    private Packages() {
    }

    static Package of(String template, String image, String run) {
        String appD = resource("/packages/" + template + "-appd.json").replace("${run}", run);
        String appDId = "journey-" + template + "-" + run;
        return build(appDId, template + "-" + run + ".mec.example", appD, image);
    }

    private static Package build(String appDId, String dnsName, String appD, String image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("appd.json"));
            zip.write(appD.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("images/image.tar"));
            zip.write(manifestTar(image));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        return new Package(appDId, dnsName, bytes, sha256(bytes));
    }

    /** A docker-archive tar holding only manifest.json with the image's RepoTags. */
    private static byte[] manifestTar(String image) {
        byte[] manifest = ("[{\"Config\": \"config.json\", \"RepoTags\": [\"" + image + "\"], \"Layers\": []}]")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        byte[] header = new byte[512];
        put(header, 0, "manifest.json");
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", manifest.length));
        put(header, 136, String.format("%011o\0", 0));
        header[156] = '0';
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        tar.writeBytes(header);
        tar.writeBytes(manifest);
        tar.writeBytes(new byte[(512 - manifest.length % 512) % 512]);
        tar.writeBytes(new byte[1024]);
        return tar.toByteArray();
    }

    private static void put(byte[] header, int at, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, header, at, v.length);
    }

    private static String resource(String path) {
        try (InputStream in = Packages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
