package org.edgemec.platform.proxy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An event of the proxy waiting to be published on Kafka (the proxy events outbox, V53). */
@Entity
@Table(name = "proxy_event_outbox")
public class ProxyEventEntity {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String EXPIRED = "EXPIRED";

    /** The event's own id: a retried publication carries the same id, consumers deduplicate on it. */
    @Id
    public String id;

    @Column(name = "event_type")
    public String eventType;

    public String payload;

    public String status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
