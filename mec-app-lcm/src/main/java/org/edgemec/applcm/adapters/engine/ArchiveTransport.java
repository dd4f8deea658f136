package org.edgemec.applcm.adapters.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.edgemec.applcm.domain.engine.EngineException;

/**
 * HTTP/1.1 for the two archive endpoints (checkpoint export, restore import), one connection per exchange, with 1 MiB
 * buffers. docker-java's transport relays a request body in 4 KiB reads and writes (the shaded Apache
 * {@code InputStreamEntity} copies with a 4096-byte buffer), about a quarter of a million of each per GiB of
 * container memory; here a relayed archive moves in 1 MiB chunks, read from the source while the previous ones are
 * written to the target ({@link ChunkPrefetch}). Timeouts behave as in {@link DockerApiEngine}:
 * {@code connectTimeout} for the connection, {@code responseTimeout} for any single wait for bytes.
 */
final class ArchiveTransport {

    /** Read buffer and upload chunk size. */
    static final int BUFFER = 1 << 20;
    /** Chunks read ahead of the upload (see {@link ChunkPrefetch}). */
    private static final int PREFETCH = 4;
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_ERROR_BODY = 8192;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final EngineSettings settings;
    private final EngineErrors errors;

    ArchiveTransport(EngineSettings settings, EngineErrors errors) {
        this.settings = settings;
        this.errors = errors;
    }

    /** POSTs without a body and returns the 2xx answer's body as a stream; closing it closes the connection. */
    InputStream download(String path) {
        Connection c = connect("POST " + path);
        try {
            c.write(head(path, null, false));
            Answer answer = c.answer();
            if (!answer.ok()) {
                throw answer.failure(settings.name(), "POST " + path);
            }
            return answer.body;
        } catch (IOException e) {
            c.close();
            throw errors.translate("POST " + path, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * POSTs {@code body} chunked, read in chunks of up to {@link #BUFFER} bytes, and returns the (small) 2xx answer as
     * text. {@code sent} is told when the last byte has gone out (before the engine answers).
     */
    String upload(String path, String contentType, InputStream body, Runnable sent) {
        try (Connection c = connect("POST " + path); ChunkPrefetch chunks = new ChunkPrefetch(body, BUFFER,
                PREFETCH, settings.name())) {
            try {
                c.write(head(path, contentType, true));
                for (ChunkPrefetch.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                    c.write(ByteBuffer.wrap((Integer.toHexString(chunk.length()) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII)), ByteBuffer.wrap(chunk.data(), 0, chunk.length()),
                            ByteBuffer.wrap(CRLF));
                    chunks.recycle(chunk);
                }
                c.write(ByteBuffer.wrap(LAST_CHUNK));
                sent.run();
            } catch (IOException e) {
                // the engine may have answered (an error) and closed: its answer says more than a broken pipe
                Answer early = c.earlyAnswer();
                if (early != null && !early.ok()) {
                    throw early.failure(settings.name(), "POST " + path);
                }
                throw e;
            }
            Answer answer = c.answer();
            String text = answer.text(Integer.MAX_VALUE);
            if (!answer.ok()) {
                throw new EngineException(settings.name() + ": POST " + path + " answered " + answer.status + ": "
                        + RawApi.messageOf(text), answer.status, null);
            }
            return text;
        } catch (IOException e) {
            throw errors.translate("POST " + path, new UncheckedIOException(e));
        }
    }

    private ByteBuffer head(String path, String contentType, boolean chunked) {
        StringBuilder h = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader()).append("\r\n").append("Connection: close\r\n");
        if (chunked) {
            h.append("Content-Type: ").append(contentType).append("\r\nTransfer-Encoding: chunked\r\n");
        } else {
            h.append("Content-Length: 0\r\n");
        }
        return ByteBuffer.wrap(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }

    private String hostHeader() {
        URI e = settings.endpoint();
        return "unix".equals(e.getScheme()) ? "localhost" : e.getHost() + ":" + e.getPort();
    }

    private Connection connect(String what) {
        URI e = settings.endpoint();
        SocketChannel ch = null;
        try {
            if ("unix".equals(e.getScheme())) {
                ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(e.getPath()));
                ch.configureBlocking(false);
            } else {
                ch = SocketChannel.open();
                ch.configureBlocking(false);
                ch.connect(new InetSocketAddress(e.getHost(), e.getPort()));
            }
            Connection c = new Connection(ch, settings.responseTimeout().toMillis());
            if (ch.isConnectionPending()) {
                c.finishConnect(settings.connectTimeout().toMillis());
            }
            return c;
        } catch (IOException ex) {
            closeQuietly(ch);
            throw errors.unavailable(what, ex);
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** A parsed status line and headers; {@code body} streams what follows. */
    private record Answer(int status, InputStream body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(int limit) throws IOException {
            try (InputStream in = body) {
                return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
            }
        }

        EngineException failure(String engine, String what) {
            String text;
            try {
                text = text(MAX_ERROR_BODY).trim();
            } catch (IOException e) {
                text = "(unreadable body: " + e.getMessage() + ")";
            }
            return new EngineException(engine + ": " + what + " answered " + status + ": " + RawApi.messageOf(text),
                    status, null);
        }
    }

    /** A non-blocking channel used with a selector, so that every wait is bounded by the response timeout. */
    private static final class Connection implements AutoCloseable {

        private final SocketChannel ch;
        private final Selector selector;
        private final long timeoutMs;
        private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER).flip();

        Connection(SocketChannel ch, long timeoutMs) throws IOException {
            this.ch = ch;
            this.timeoutMs = timeoutMs;
            this.selector = Selector.open();
        }

        void finishConnect(long connectTimeoutMs) throws IOException {
            SelectionKey key = ch.register(selector, SelectionKey.OP_CONNECT);
            if (selector.select(connectTimeoutMs) == 0) {
                throw new IOException("connect timed out after " + connectTimeoutMs + " ms");
            }
            selector.selectedKeys().clear();
            ch.finishConnect();
            key.interestOps(0);
        }

        void write(ByteBuffer... bufs) throws IOException {
            long left = 0;
            for (ByteBuffer b : bufs) {
                left += b.remaining();
            }
            while (left > 0) {
                long n = ch.write(bufs);
                left -= n;
                if (n == 0) {
                    await(SelectionKey.OP_WRITE, "write");
                }
            }
        }

        /** Reads more into {@link #in}; false at the end of the stream. */
        boolean fill() throws IOException {
            in.compact();
            try {
                int n;
                while ((n = ch.read(in)) == 0) {
                    if (!in.hasRemaining()) {
                        throw new IOException("answer head longer than " + BUFFER + " bytes");
                    }
                    await(SelectionKey.OP_READ, "read");
                }
                return n > 0;
            } finally {
                in.flip();
            }
        }

        private void await(int op, String what) throws IOException {
            ch.register(selector, op);
            if (selector.select(timeoutMs) == 0) {
                throw new SocketTimeoutException(what + " timed out after " + timeoutMs + " ms");
            }
            selector.selectedKeys().clear();
        }

        String line() throws IOException {
            StringBuilder s = new StringBuilder();
            while (true) {
                while (in.hasRemaining()) {
                    char ch = (char) (in.get() & 0xff);
                    if (ch == '\n') {
                        int len = s.length();
                        return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
                    }
                    if (s.length() >= MAX_HEAD) {
                        throw new IOException("answer line longer than " + MAX_HEAD + " bytes");
                    }
                    s.append(ch);
                }
                if (!fill()) {
                    throw new IOException("connection closed inside the answer head");
                }
            }
        }

        Answer answer() throws IOException {
            String statusLine;
            int status;
            do {
                statusLine = line();
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                    throw new IOException("not an HTTP answer: " + statusLine);
                }
                status = Integer.parseInt(parts[1]);
                if (status / 100 == 1) {
                    while (!line().isEmpty()) {
                        // an interim 1xx answer's headers
                    }
                }
            } while (status / 100 == 1);
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                }
            }
            return new Answer(status, new Body(this, chunked, chunked ? -1 : length));
        }

        /** After a failed write: the answer the engine may have sent before closing, else null. */
        Answer earlyAnswer() {
            try {
                return answer();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public void close() {
            try {
                selector.close();
            } catch (IOException ignored) {
                // the channel is closed below either way
            }
            closeQuietly(ch);
        }
    }

    /** An answer body: chunked, of a known length, or up to the end of the connection. Closing closes it. */
    private static final class Body extends InputStream {

        private final Connection c;
        private final boolean chunked;
        /** Bytes left in the current chunk or body; -1: read to the end of the connection. */
        private long left;
        private boolean done;

        Body(Connection c, boolean chunked, long length) {
            this.c = c;
            this.chunked = chunked;
            this.left = chunked ? 0 : length;
            this.done = length == 0;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        /** Copies what is buffered, across chunk boundaries; waits for the connection only when nothing is. */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int copied = 0;
            while (copied < len && !done) {
                if (chunked && left == 0) {
                    if (!c.in.hasRemaining() && copied > 0) {
                        break;
                    }
                    nextChunk();
                    continue;
                }
                if (!c.in.hasRemaining()) {
                    if (copied > 0) {
                        break;
                    }
                    if (!c.fill()) {
                        if (left < 0) {
                            done = true;
                            break;
                        }
                        throw new IOException("connection closed with " + left + " bytes of the answer missing");
                    }
                }
                int n = c.in.remaining();
                n = Math.min(n, len - copied);
                if (left >= 0) {
                    n = (int) Math.min(n, left);
                }
                c.in.get(b, off + copied, n);
                copied += n;
                if (left > 0) {
                    left -= n;
                    if (left == 0 && !chunked) {
                        done = true;
                    } else if (left == 0) {
                        c.line(); // the CRLF after the chunk's data
                    }
                }
            }
            return copied == 0 && done ? -1 : copied;
        }

        private void nextChunk() throws IOException {
            String size = c.line();
            int semi = size.indexOf(';');
            left = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (left == 0) {
                while (!c.line().isEmpty()) {
                    // trailers
                }
                done = true;
            }
        }

        @Override
        public void close() {
            c.close();
        }
    }
}
