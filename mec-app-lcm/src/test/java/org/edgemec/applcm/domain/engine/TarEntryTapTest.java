package org.edgemec.applcm.domain.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TarEntryTapTest {

    /** The stats-dump CRIU 4.2.1 wrote for a Podman 4.3.1 checkpoint on this project's engines (8 MiB app). */
    static final byte[] STATS_DUMP = HexFormat.of().parseHex("405910550633095725000000"
            + "0a2308d60510fd8a0d18ee3520e11328fd10300038da104000480050185818600068007000");

    @Test
    void shouldParseCriuDumpStatistics() {
        CriuDumpStats s = CriuDumpStats.parse(STATS_DUMP).orElseThrow();
        assertEquals(new CriuDumpStats(726, 214397, 6894, 2529, 2138), s);
    }

    @Test
    void shouldRejectWhatIsNotAStatsFile() {
        assertTrue(CriuDumpStats.parse(new byte[] {1, 2, 3}).isEmpty());
        byte[] truncated = java.util.Arrays.copyOf(STATS_DUMP, 20);
        assertTrue(CriuDumpStats.parse(truncated).isEmpty());
    }

    @Test
    void shouldCaptureTheNamedEntryWhateverTheReadSizes() {
        byte[] tar = tar(entry("artifacts/", '5', new byte[0]), entry("config.dump", '0', filler(22465)),
                entry("stats-dump", '0', STATS_DUMP), entry("checkpoint/pages-1.img", '0', filler(70000)));
        for (int step : new int[] {1, 7, 511, 512, 513, 4096, tar.length}) {
            TarEntryTap tap = new TarEntryTap("stats-dump", 4096);
            for (int off = 0; off < tar.length; off += step) {
                tap.accept(tar, off, Math.min(step, tar.length - off));
            }
            assertArrayEquals(STATS_DUMP, tap.captured().orElseThrow(), "read size " + step);
        }
    }

    @Test
    void shouldFollowAPaxPathAndIgnoreOtherOrLargerEntries() {
        byte[] pax = "21 path=./stats-dump\n".getBytes(StandardCharsets.UTF_8);
        byte[] tar = tar(entry("stats", '0', filler(10)), entry("PaxHeaders/x", 'x', pax),
                entry("././@a-long-name", '0', STATS_DUMP));
        TarEntryTap tap = new TarEntryTap("stats-dump", 4096);
        tap.accept(tar, 0, tar.length);
        assertArrayEquals(STATS_DUMP, tap.captured().orElseThrow());

        TarEntryTap small = new TarEntryTap("stats-dump", 10);
        byte[] big = tar(entry("stats-dump", '0', STATS_DUMP));
        small.accept(big, 0, big.length);
        assertTrue(small.captured().isEmpty(), "larger than the limit: not kept");
    }

    private static byte[] filler(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }

    /** A ustar entry as Go's archive/tar writes one: header, data, zero padding to 512. */
    private static byte[] entry(String name, char type, byte[] data) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, n.length);
        put(h, 100, "0000644");
        put(h, 124, String.format("%011o", data.length));
        h[156] = (byte) type;
        put(h, 257, "ustar");
        h[263] = '0';
        h[264] = '0';
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h);
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        return out.toByteArray();
    }

    private static byte[] tar(byte[]... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            out.writeBytes(e);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
