package org.edgemec.applcm.domain.engine;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Watches a tar stream go by and keeps the content of one small regular file named {@code name}, without buffering
 * anything else: 512-byte headers (ustar; a PAX {@code x} or GNU {@code L} record may rename the next entry), each
 * entry's data padded to 512 bytes, two zero blocks at the end. Gives up silently (nothing captured) on anything it
 * does not understand: it only observes, the stream goes on untouched.
 */
public final class TarEntryTap {

    private static final int BLOCK = 512;

    private final String name;
    private final int maxSize;
    private final byte[] header = new byte[BLOCK];
    private int headerFill;
    /** Bytes of the current entry's data (with padding) still to pass. */
    private long dataLeft;
    private long padding;
    /** Collecting: the wanted entry's content, or a PAX/long-name record. */
    private byte[] collect;
    private int collectFill;
    private char collectKind;
    private String nextName;
    private byte[] captured;
    private boolean stopped;

    public TarEntryTap(String name, int maxSize) {
        this.name = name;
        this.maxSize = maxSize;
    }

    /** The wanted entry's content, once it has gone by. */
    public Optional<byte[]> captured() {
        return Optional.ofNullable(captured);
    }

    public void accept(byte[] buf, int off, int len) {
        int end = off + len;
        while (off < end && !stopped && captured == null) {
            if (dataLeft > 0) {
                int n = (int) Math.min(dataLeft, end - off);
                if (collect != null) {
                    int want = Math.min(n, collect.length - collectFill);
                    if (want > 0) {
                        System.arraycopy(buf, off, collect, collectFill, want);
                        collectFill += want;
                    }
                }
                dataLeft -= n;
                off += n;
                if (dataLeft == 0) {
                    entryDone();
                }
                continue;
            }
            if (padding > 0) {
                int n = (int) Math.min(padding, end - off);
                padding -= n;
                off += n;
                continue;
            }
            int n = Math.min(BLOCK - headerFill, end - off);
            System.arraycopy(buf, off, header, headerFill, n);
            headerFill += n;
            off += n;
            if (headerFill == BLOCK) {
                headerFill = 0;
                header();
            }
        }
    }

    private void header() {
        boolean zero = true;
        for (byte b : header) {
            if (b != 0) {
                zero = false;
                break;
            }
        }
        if (zero) {
            stopped = true; // the end of the archive
            return;
        }
        long size;
        try {
            size = octal(124, 12);
        } catch (NumberFormatException e) {
            stopped = true;
            return;
        }
        char type = (char) header[156];
        String entry = nextName != null ? nextName : entryName();
        nextName = null;
        collect = null;
        collectKind = type;
        if ((type == 'x' || type == 'L') && size <= 64 * 1024) {
            collect = new byte[(int) size];
        } else if ((type == '0' || type == '\0') && entry.equals(name) && size <= maxSize) {
            collect = new byte[(int) size];
        }
        collectFill = 0;
        dataLeft = size;
        padding = (BLOCK - size % BLOCK) % BLOCK;
        if (size == 0) {
            entryDone();
        }
    }

    private void entryDone() {
        if (collect == null) {
            return;
        }
        byte[] done = collect;
        collect = null;
        switch (collectKind) {
            case 'x' -> nextName = paxPath(done);
            case 'L' -> nextName = cString(done, 0, done.length);
            default -> captured = done;
        }
    }

    private String entryName() {
        String n = cString(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r';
        String prefix = ustar ? cString(header, 345, 155) : "";
        n = prefix.isEmpty() ? n : prefix + "/" + n;
        return n.startsWith("./") ? n.substring(2) : n;
    }

    /** PAX records "LEN key=value\n"; the path record names the next entry. */
    private static String paxPath(byte[] records) {
        String text = new String(records, StandardCharsets.UTF_8);
        for (String rec : text.split("\n")) {
            int sp = rec.indexOf(' ');
            if (sp > 0 && rec.startsWith("path=", sp + 1)) {
                String p = rec.substring(sp + 1 + "path=".length());
                return p.startsWith("./") ? p.substring(2) : p;
            }
        }
        return null;
    }

    private long octal(int off, int len) {
        String s = cString(header, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }
}
