package org.edgemec.relocation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One MEC 021 subscription: the subscription JSON plus the columns matching and expiry work on. */
@Entity
@Table(name = "ams_subscription")
public class AmsSubscriptionEntity {

    @Id
    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "subscription_type", nullable = false)
    public String subscriptionType;

    @Column(name = "app_instance_id")
    public String appInstanceId;

    @Column(name = "callback_reference", nullable = false)
    public String callbackReference;

    @Column(name = "body", nullable = false)
    public String body;

    @Column(name = "expiry_deadline")
    public OffsetDateTime expiryDeadline;

    @Column(name = "expiry_notified_at")
    public OffsetDateTime expiryNotifiedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Incremented by every PUT; the entity tag. */
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
