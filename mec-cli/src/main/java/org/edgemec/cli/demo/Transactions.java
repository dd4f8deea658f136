package org.edgemec.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The drone's requests: one GET to the counter every {@code interval} (fixed rate, one at a time: a slow answer
 * delays the next), each timed and checked; failures are printed as they happen.
 */
final class Transactions implements AutoCloseable {

    /** One request: when it started (epoch ms), how long it took, and what it got. */
    record Transaction(int seq, long startedAt, long millis, boolean ok, String error, long count, String token,
                       String servedBy) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CounterClient client;
    private final PrintStream progress;
    private final List<Transaction> done = new ArrayList<>();
    private final CounterCheck state = new CounterCheck();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drone-requests");
        t.setDaemon(true);
        return t;
    });
    private String lastServedBy;

    Transactions(CounterClient client, PrintStream progress) {
        this.client = client;
        this.progress = progress;
    }

    void start(Duration interval) {
        loop.scheduleAtFixedRate(this::once, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A request that is not recorded (before the loop starts): true when the counter answered. */
    synchronized boolean probe() {
        try {
            return client.get().status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private synchronized void once() {
        int seq = done.size() + 1;
        long start = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Transaction t;
        try {
            CounterClient.Reply r = client.get();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            JsonNode body = r.status() == 200 ? JSON.readTree(r.body()) : null;
            if (body == null || !body.path("count").isNumber() || !body.path("token").isTextual()) {
                t = new Transaction(seq, start, ms, false, "HTTP " + r.status() + " " + abbreviate(r.body()), 0, null,
                        r.servedBy());
            } else {
                t = new Transaction(seq, start, ms, true, null, body.path("count").asLong(),
                        body.path("token").asText(), r.servedBy());
                state.accept(seq, t.count(), t.token());
            }
        } catch (Exception e) {
            t = new Transaction(seq, start, (System.nanoTime() - t0) / 1_000_000, false, e.getMessage(), 0, null,
                    null);
        }
        done.add(t);
        if (!t.ok()) {
            progress.println("[drone] request " + seq + " FAILED after " + t.millis() + " ms: " + t.error());
        } else if (lastServedBy != null && !lastServedBy.equals(t.servedBy())) {
            progress.println("[drone] request " + seq + " served by " + t.servedBy() + " (was " + lastServedBy
                    + "), count " + t.count());
        }
        if (t.ok()) {
            lastServedBy = t.servedBy();
        }
    }

    synchronized List<Transaction> all() {
        return List.copyOf(done);
    }

    synchronized CounterCheck state() {
        return state;
    }

    synchronized int okSince(long epochMs) {
        return (int) done.stream().filter(t -> t.ok() && t.startedAt() >= epochMs).count();
    }

    private boolean closed;

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.shutdown();
        try {
            loop.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
