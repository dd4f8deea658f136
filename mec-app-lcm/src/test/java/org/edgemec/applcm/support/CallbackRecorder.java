package org.edgemec.applcm.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real HTTP server on a free loopback port that records what it receives: the subscriber of notifications, or
 * a file server for upload_from_uri, or a mec-platform provisioning API in tests. Answers {@code status} to POSTs
 * (201 for a platform, failures to simulate errors) and 204 to DELETEs.
 */
public final class CallbackRecorder implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int status = 204;
    private volatile byte[] file = new byte[0];

    public CallbackRecorder() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, file.length);
                exchange.getResponseBody().write(file);
            } else {
                bodies.add(exchange.getRequestURI().getPath() + " " + new String(body, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders("DELETE".equals(exchange.getRequestMethod()) ? 204 : status, -1);
            }
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(int newStatus) {
        this.status = newStatus;
    }

    public void serve(byte[] content) {
        this.file = content;
    }

    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Polls (bounded) until a received body matches; returns it or fails with what was received. */
    public String await(Predicate<String> match, Duration max) {
        Instant end = Instant.now().plus(max);
        while (Instant.now().isBefore(end)) {
            for (String b : bodies) {
                if (match.test(b)) {
                    return b;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no matching callback within " + max + "; received " + bodies);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
