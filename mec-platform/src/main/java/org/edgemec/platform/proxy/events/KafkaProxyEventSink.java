package org.edgemec.platform.proxy.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Channel {@code proxy-events-out} (topic {@code edgemec.kafka.topics.proxy}); the stage completes on the Kafka ack. */
@ApplicationScoped
public class KafkaProxyEventSink implements ProxyEventSink {

    private final Emitter<String> emitter;

    public KafkaProxyEventSink(@Channel("proxy-events-out") Emitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public CompletionStage<Void> publish(String payload) {
        try {
            return emitter.send(payload);
        } catch (RuntimeException e) {
            // no downstream yet, buffer full, channel cancelled: the outbox retries later
            return CompletableFuture.failedFuture(e);
        }
    }
}
