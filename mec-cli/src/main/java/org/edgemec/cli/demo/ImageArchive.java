package org.edgemec.cli.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A docker-archive (tar) that only names an image: one {@code manifest.json} with its RepoTags and no layers. The
 * engines already hold the image, so mec-app-lcm loads nothing and uses the tag.
 */
final class ImageArchive {

    private static final int BLOCK = 512;

    private ImageArchive() {
    }

    static byte[] manifestOnly(String image) {
        byte[] manifest = ("[{\"Config\":\"config.json\",\"RepoTags\":[\"" + image + "\"],\"Layers\":[]}]")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tar.writeBytes(ustarHeader("manifest.json", manifest.length));
        tar.writeBytes(manifest);
        tar.writeBytes(new byte[(BLOCK - manifest.length % BLOCK) % BLOCK]);
        tar.writeBytes(new byte[2 * BLOCK]); // end of archive: two zero blocks
        return tar.toByteArray();
    }

    /** A POSIX ustar header of a regular file (mode 0644, owner 0, mtime 0). */
    private static byte[] ustarHeader(String name, int size) {
        byte[] h = new byte[BLOCK];
        String[][] fields = {{"0", name}, {"100", "0000644\0"}, {"108", "0000000\0"}, {"116", "0000000\0"},
            {"124", String.format("%011o\0", size)}, {"136", String.format("%011o\0", 0)}, {"156", "0"},
            {"257", "ustar\0"}, {"263", "00"}, {"148", "        "}};
        for (String[] f : fields) {
            byte[] v = f[1].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(v, 0, h, Integer.parseInt(f[0]), v.length);
        }
        int checksum = 0;
        for (byte b : h) {
            checksum += b & 0xff;
        }
        byte[] c = String.format("%06o\0 ", checksum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(c, 0, h, 148, c.length);
        return h;
    }
}
