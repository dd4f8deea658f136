package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A service offered by an app instance (ServiceInfo JSON) with the columns discovery filters on. */
@Entity
@Table(name = "mec_service")
public class ServiceEntity {

    @Id
    @Column(name = "ser_instance_id")
    public String serInstanceId;

    @Column(name = "app_instance_id", nullable = false)
    public String appInstanceId;

    @Column(name = "ser_name", nullable = false)
    public String serName;

    @Column(name = "ser_category_id")
    public String serCategoryId;

    @Column(name = "state", nullable = false)
    public String state;

    @Column(name = "is_local", nullable = false)
    public boolean isLocal;

    @Column(name = "consumed_local_only", nullable = false)
    public boolean consumedLocalOnly;

    @Column(name = "scope_of_locality")
    public String scopeOfLocality;

    @Column(name = "liveness_interval")
    public Integer livenessInterval;

    @Column(name = "last_heartbeat")
    public OffsetDateTime lastHeartbeat;

    @Column(name = "body", nullable = false)
    public String body;

    /** The representation's version (ETag); incremented on every change of {@code body}. */
    @Column(name = "version", nullable = false)
    public int version = 1;
}
