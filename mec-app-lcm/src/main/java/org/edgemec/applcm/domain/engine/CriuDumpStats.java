package org.edgemec.applcm.domain.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * CRIU's dump statistics (its image file {@code stats-dump}), times in microseconds: {@code freezingUs} to freeze the
 * processes, {@code frozenUs} they stayed frozen during the dump, {@code memdumpUs} to collect their memory pages,
 * {@code memwriteUs} to write the pages into the image files; {@code pagesWritten} 4 KiB pages written.
 */
public record CriuDumpStats(long freezingUs, long frozenUs, long memdumpUs, long memwriteUs, long pagesWritten) {

    /** CRIU's image magics (criu/include/magic.h, also go-criu's magic package): service image, then stats. */
    static final int IMG_SERVICE_MAGIC = 0x55105940;
    static final int STATS_MAGIC = 0x57093306;

    /**
     * Parses the file: two little-endian magics, the payload's length, then a protobuf {@code stats_entry} whose
     * field 1 is the {@code dump_stats_entry} (images/stats.proto). Empty when the bytes are not such a file.
     */
    public static Optional<CriuDumpStats> parse(byte[] file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            if (file.length < 12 || b.getInt(0) != IMG_SERVICE_MAGIC || b.getInt(4) != STATS_MAGIC) {
                return Optional.empty();
            }
            int size = b.getInt(8);
            if (size < 0 || 12L + size > file.length) {
                return Optional.empty();
            }
            Proto entry = new Proto(file, 12, 12 + size);
            while (entry.more()) {
                int key = (int) entry.varint();
                if (key == ((1 << 3) | 2)) {
                    int len = (int) entry.varint();
                    return Optional.of(dump(new Proto(file, entry.pos, entry.pos + len)));
                }
                entry.skip(key & 7);
            }
            return Optional.empty();
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static CriuDumpStats dump(Proto p) {
        long[] v = new long[8];
        while (p.more()) {
            int key = (int) p.varint();
            int field = key >>> 3;
            if ((key & 7) == 0 && field >= 1 && field <= 7) {
                v[field] = p.varint();
            } else {
                p.skip(key & 7);
            }
        }
        // 1 freezing_time, 2 frozen_time, 3 memdump_time, 4 memwrite_time, 7 pages_written
        return new CriuDumpStats(v[1], v[2], v[3], v[4], v[7]);
    }

    /** Just enough protobuf to walk a message: varints and skipping the other wire types. */
    private static final class Proto {

        private final byte[] buf;
        private final int end;
        private int pos;

        Proto(byte[] buf, int from, int to) {
            if (to > buf.length || from > to) {
                throw new IllegalArgumentException("truncated");
            }
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        boolean more() {
            return pos < end;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new IllegalArgumentException("truncated varint");
                }
                byte x = buf[pos++];
                v |= (long) (x & 0x7f) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> pos += (int) varint();
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("wire type " + wireType);
            }
            if (pos > end) {
                throw new IllegalArgumentException("truncated field");
            }
        }
    }
}
