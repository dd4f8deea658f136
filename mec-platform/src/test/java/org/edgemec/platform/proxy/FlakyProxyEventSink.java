package org.edgemec.platform.proxy;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.edgemec.platform.proxy.events.ProxyEventSink;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test decorator of the Kafka sink: publishing an event whose payload contains an armed marker (a handover id) fails
 * that many times, as a broker that is down would; every other event goes to Kafka untouched.
 */
@Decorator
@Priority(10)
public abstract class FlakyProxyEventSink implements ProxyEventSink {

    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();
    static final AtomicInteger FAILED = new AtomicInteger();

    @Inject
    @Delegate
    @Any
    ProxyEventSink delegate;

    /** The next {@code times} publications of events mentioning {@code marker} fail. */
    static void failNext(String marker, int times) {
        FAILURES.put(marker, new AtomicInteger(times));
    }

    @Override
    public CompletionStage<Void> publish(String payload) {
        for (Map.Entry<String, AtomicInteger> e : FAILURES.entrySet()) {
            if (payload.contains(e.getKey()) && e.getValue().getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                FAILED.incrementAndGet();
                return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable (test)"));
            }
        }
        return delegate.publish(payload);
    }
}
