package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An Mp1 subscription of either API (subscriptionType tells which); body is the subscription JSON. */
@Entity
@Table(name = "mp1_subscription")
public class SubscriptionEntity {

    @Id
    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "app_instance_id", nullable = false)
    public String appInstanceId;

    @Column(name = "subscription_type", nullable = false)
    public String subscriptionType;

    @Column(name = "callback_reference", nullable = false)
    public String callbackReference;

    @Column(name = "body", nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** A new subscription row with a platform-assigned id, created now. */
    public static SubscriptionEntity create(String appInstanceId, String subscriptionType, String callbackReference,
                                            String body) {
        SubscriptionEntity entity = new SubscriptionEntity();
        entity.subscriptionId = UUID.randomUUID().toString();
        entity.appInstanceId = appInstanceId;
        entity.subscriptionType = subscriptionType;
        entity.callbackReference = callbackReference;
        entity.body = body;
        entity.createdAt = OffsetDateTime.now();
        return entity;
    }
}
