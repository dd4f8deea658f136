package org.edgemec.platform.proxy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A request hold, kept so that a restarted platform holds the same hosts (V53). */
@Entity
@Table(name = "proxy_hold")
public class HoldEntity {

    @Id
    public String id;

    /** JSON array of host names. */
    @Column(name = "service_hosts")
    public String serviceHosts;

    @Column(name = "max_wait_ms")
    public long maxWaitMs;

    @Column(name = "max_requests")
    public int maxRequests;

    public String request;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
}
