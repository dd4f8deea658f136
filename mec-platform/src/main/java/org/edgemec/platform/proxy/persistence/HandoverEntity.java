package org.edgemec.platform.proxy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A handover ordered at its source proxy. */
@Entity
@Table(name = "proxy_handover")
public class HandoverEntity {

    @Id
    public String id;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "source_proxy")
    public String sourceProxy;

    @Column(name = "target_proxy")
    public String targetProxy;

    public String state;

    /** Canonical JSON of the order, compared when the same handover id is posted again. */
    public String request;

    /** JSON object service host -> backend applied to the target's copy; null for none. */
    public String forwarding;

    @Column(name = "rewrite_source")
    public boolean rewriteSource;

    public String failure;

    @Column(name = "pending_since")
    public OffsetDateTime pendingSince;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
