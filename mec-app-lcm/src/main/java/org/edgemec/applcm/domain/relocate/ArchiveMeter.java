package org.edgemec.applcm.domain.relocate;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.edgemec.applcm.domain.engine.CriuDumpStats;
import org.edgemec.applcm.domain.engine.TarEntryTap;

/**
 * The checkpoint archive on its way from the source to the target engine: counts its bytes and picks CRIU's
 * {@code stats-dump} file out of the tar as it passes (Podman puts it near the start of the archive), so a move can
 * report CRIU's own dump figures without staging or reading the archive twice.
 */
final class ArchiveMeter extends FilterInputStream {

    /** CRIU's stats-dump is a few dozen bytes; anything larger is not it. */
    private static final int MAX_STATS = 4096;

    private final TarEntryTap stats = new TarEntryTap("stats-dump", MAX_STATS);
    private long bytes;

    ArchiveMeter(InputStream archive) {
        super(archive);
    }

    long bytes() {
        return bytes;
    }

    Optional<CriuDumpStats> dumpStats() {
        return stats.captured().flatMap(CriuDumpStats::parse);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            bytes += n;
            stats.accept(buf, off, n);
        }
        return n;
    }
}
