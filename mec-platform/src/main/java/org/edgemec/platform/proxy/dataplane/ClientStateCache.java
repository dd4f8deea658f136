package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.Future;
import org.edgemec.platform.proxy.domain.ClientState;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A proxy's in-memory view of its clients' state, so that a request costs no database round trip. Entries are
 * dropped when the platform changes the state and re-read after a short time-to-live (another replica may have
 * changed it).
 */
final class ClientStateCache {

    private record Entry(Future<Optional<ClientState>> state, long loadedAt) {
    }

    private final ProxyRuntime runtime;
    private final String proxyName;
    private final long ttlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    ClientStateCache(ProxyRuntime runtime, String proxyName, Duration ttl) {
        this.runtime = runtime;
        this.proxyName = proxyName;
        this.ttlNanos = ttl.toNanos();
    }

    Future<Optional<ClientState>> get(String clientId) {
        long now = System.nanoTime();
        Entry e = entries.get(clientId);
        if (e != null && now - e.loadedAt() < ttlNanos && !e.state().failed()) {
            return e.state();
        }
        // concurrent misses share one load
        Future<Optional<ClientState>> load = runtime.vertx.executeBlocking(
                () -> runtime.findState(proxyName, clientId), false);
        entries.put(clientId, new Entry(load, now));
        return load;
    }

    void invalidate(String clientId) {
        entries.remove(clientId);
    }
}
