package org.edgemec.mp1api.events;

import java.time.OffsetDateTime;

/**
 * Common envelope fields of the product's Kafka events (CloudEvents-like): a UUID id, the emission time,
 * the emitting service as source and the event type.
 */
public interface MecEvent {

    String id();

    OffsetDateTime time();

    String source();

    String type();
}
