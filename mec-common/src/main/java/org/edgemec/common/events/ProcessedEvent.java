package org.edgemec.common.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An event this service has handled; its id makes consumers idempotent when Kafka redelivers. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

    @Id
    @Column(name = "event_id", length = 64)
    public String eventId;

    @Column(name = "event_type", nullable = false, length = 128)
    public String eventType;

    @Column(name = "source", nullable = false, length = 128)
    public String source;

    @Column(name = "processed_at", nullable = false)
    public OffsetDateTime processedAt;
}
