package org.edgemec.applcm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One checkpoint/restore move (table app_move, V4); JSON columns hold the phase list, endpoints, timings, error. */
@Entity
@Table(name = "app_move")
public class AppMoveEntity {

    @Id
    @Column(name = "move_id")
    public String moveId;
    @Column(name = "app_instance_id")
    public String appInstanceId;
    @Column(name = "source_host")
    public String sourceHost;
    @Column(name = "target_host")
    public String targetHost;
    public String mode;
    @Column(name = "commit_mode")
    public String commitMode;
    public String state;
    public String phase;
    public String phases;
    @Column(name = "source_container_id")
    public String sourceContainerId;
    @Column(name = "container_name")
    public String containerName;
    @Column(name = "target_container_id")
    public String targetContainerId;
    @Column(name = "source_endpoint")
    public String sourceEndpoint;
    @Column(name = "target_endpoint")
    public String targetEndpoint;
    public String timings;
    @Column(name = "archive_bytes")
    public Long archiveBytes;
    @Column(name = "target_provisioned")
    public boolean targetProvisioned;
    @Column(name = "grant_id")
    public String grantId;
    @Column(name = "deprovision_source")
    public boolean deprovisionSource;
    @Column(name = "source_deprovisioned")
    public boolean sourceDeprovisioned;
    public String error;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
