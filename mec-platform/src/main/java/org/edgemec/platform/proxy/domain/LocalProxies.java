package org.edgemec.platform.proxy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The proxies running in this JVM (normally one per platform; tests run two). */
@ApplicationScoped
public class LocalProxies {

    private final Map<String, LocalProxy> proxies = new ConcurrentHashMap<>();

    public void register(LocalProxy proxy) {
        proxies.put(proxy.name(), proxy);
    }

    public void unregister(String name) {
        proxies.remove(name);
    }

    public Optional<LocalProxy> find(String name) {
        return Optional.ofNullable(proxies.get(name));
    }

    public Collection<LocalProxy> all() {
        return List.copyOf(proxies.values());
    }

    void onStateChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) ClientStateChanged change) {
        // after completion (commit or rollback): the next request reads what the database holds
        find(change.proxyName()).ifPresent(p -> p.invalidate(change.clientId()));
    }
}
