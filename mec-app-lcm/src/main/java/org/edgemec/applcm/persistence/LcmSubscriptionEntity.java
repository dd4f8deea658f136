package org.edgemec.applcm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "lcm_subscription")
public class LcmSubscriptionEntity {

    @Id
    public String id;
    @Column(name = "subscription_type")
    public String subscriptionType;
    @Column(name = "callback_uri")
    public String callbackUri;
    @Column(name = "request_json")
    public String requestJson;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
