package org.edgemec.common.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One notification to deliver to a subscriber's callback; written in the transaction of the change it reports.
 * Each service creates the table {@code notification_outbox} in its own schema (its Flyway migrations).
 */
@Entity
@Table(name = "notification_outbox")
public class OutboxEntity {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String EXPIRED = "EXPIRED";
    public static final String GIVEN_UP = "GIVEN_UP";

    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "callback_uri", nullable = false)
    public String callbackUri;

    @Column(name = "payload", nullable = false)
    public String payload;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
}
