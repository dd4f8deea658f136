package org.edgemec.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A real HTTP notification receiver on a free loopback port; it can start late to play a receiver that is down. */
public final class CallbackReceiver implements AutoCloseable {

    private final int port;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private CallbackReceiver(int port) {
        this.port = port;
    }

    /** Reserves a free port without listening on it yet. */
    public static CallbackReceiver onFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new CallbackReceiver(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CallbackReceiver started() {
        CallbackReceiver receiver = onFreePort();
        receiver.start();
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/notify";
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/notify", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Polls (bounded) until a received body satisfies the predicate; fails with what arrived otherwise. */
    public String await(Predicate<String> match, Duration limit) {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            for (String body : bodies) {
                if (match.test(body)) {
                    return body;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no matching notification within " + limit + "; received " + bodies);
    }

    /** Bounded poll of a condition (database state written by the schedulers). */
    public static void until(java.util.function.BooleanSupplier condition, Duration limit, String what) {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
