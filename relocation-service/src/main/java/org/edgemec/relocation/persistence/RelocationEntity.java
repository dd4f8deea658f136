package org.edgemec.relocation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One relocation saga: the accepted request, where it stands, what its steps learnt, and who works on it. */
@Entity
@Table(name = "relocation")
public class RelocationEntity {

    @Id
    @Column(name = "relocation_id")
    public String relocationId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "app_instance_id", nullable = false)
    public String appInstanceId;

    @Column(name = "app_d_id")
    public String appDId;

    @Column(name = "source_host")
    public String sourceHost;

    @Column(name = "target_host")
    public String targetHost;

    @Column(name = "request", nullable = false)
    public String request;

    @Column(name = "steering", nullable = false)
    public String steering;

    @Column(name = "state_transfer", nullable = false)
    public String stateTransfer;

    @Column(name = "state", nullable = false)
    public String state;

    @Column(name = "current_step")
    public String currentStep;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    @Column(name = "context", nullable = false)
    public String context;

    @Column(name = "downtime_ms")
    public Long downtimeMs;

    @Column(name = "error")
    public String error;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "next_run_at", nullable = false)
    public OffsetDateTime nextRunAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
}
