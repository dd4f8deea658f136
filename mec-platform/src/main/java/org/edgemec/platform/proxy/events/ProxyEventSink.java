package org.edgemec.platform.proxy.events;

import java.util.concurrent.CompletionStage;

/** Where the proxy events outbox publishes: completes when the broker acknowledged the event. */
public interface ProxyEventSink {

    CompletionStage<Void> publish(String payload);
}
