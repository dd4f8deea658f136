package org.edgemec.applcm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One notification to one subscriber, delivered at least once. */
@Entity
@Table(name = "notification_outbox")
public class OutboxEntity {

    @Id
    public String id;
    @Column(name = "subscription_id")
    public String subscriptionId;
    @Column(name = "callback_uri")
    public String callbackUri;
    public String body;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
    @Column(name = "given_up")
    public boolean givenUp;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
