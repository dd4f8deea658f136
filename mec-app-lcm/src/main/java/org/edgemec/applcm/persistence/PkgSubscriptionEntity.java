package org.edgemec.applcm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "pkg_subscription")
public class PkgSubscriptionEntity {

    @Id
    public String id;
    @Column(name = "subscription_type")
    public String subscriptionType;
    @Column(name = "callback_uri")
    public String callbackUri;
    @Column(name = "filter_json")
    public String filterJson;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
