package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.platform.proxy.domain.Endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #CAPACITY} requests the edge proxies of this platform took for an app (forwarded, or answered by
 * the proxy itself: 401, 421, 503, ...), with their status and duration. It feeds monitoring (the dashboard's live
 * transaction-time plot), so it is a bounded in-memory ring on purpose: nothing is persisted, a restart empties it,
 * and the oldest entries are overwritten.
 */
@ApplicationScoped
public class TransactionLog {

    static final int CAPACITY = 2_000;
    /** Context key: the client id the session cookie named (set by {@link ForwardingInterceptor}). */
    static final String CLIENT = "edgemec.client";

    /**
     * One request: {@code seq} grows by one per request in this JVM (from 1; it restarts with the platform),
     * {@code time} is when the answer was written (epoch ms), {@code servedBy} the backend it went to (null when the
     * proxy answered itself).
     */
    public record Transaction(long seq, long time, String proxy, String serviceHost, String clientId, String method,
                              String path, int status, long durationMs, String servedBy) {
    }

    private final Transaction[] ring = new Transaction[CAPACITY];
    private long written;

    /** Records the request of {@code ctx} when its answer has been written. */
    void track(ProxyContext ctx, String proxyName) {
        HttpServerRequest request = ctx.request().proxiedRequest();
        long started = System.nanoTime();
        String serviceHost = ForwardingInterceptor.serviceHost(request);
        String method = request.method().name();
        String path = request.path();
        request.response().endHandler(v -> {
            Endpoint backend = ctx.get(BackendSelector.BACKEND, Endpoint.class);
            add(proxyName, serviceHost, ctx.get(CLIENT, String.class), method, path,
                    request.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000,
                    backend == null ? null : backend.toString());
        });
    }

    synchronized Transaction add(String proxy, String serviceHost, String clientId, String method, String path,
                                 int status, long durationMs, String servedBy) {
        Transaction t = new Transaction(written + 1, System.currentTimeMillis(), proxy, serviceHost, clientId, method,
                path, status, durationMs, servedBy);
        ring[(int) (written % CAPACITY)] = t;
        written++;
        return t;
    }

    /** The recorded transactions whose {@code time} is at or after {@code sinceMillis}, oldest first. */
    public synchronized List<Transaction> since(long sinceMillis) {
        List<Transaction> out = new ArrayList<>();
        for (long i = Math.max(0, written - CAPACITY); i < written; i++) {
            Transaction t = ring[(int) (i % CAPACITY)];
            if (t.time() >= sinceMillis) {
                out.add(t);
            }
        }
        return out;
    }
}
