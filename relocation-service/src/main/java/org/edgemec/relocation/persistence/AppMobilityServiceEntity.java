package org.edgemec.relocation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One registered application mobility service: the RegistrationInfo JSON plus its lookup columns. */
@Entity
@Table(name = "app_mobility_service")
public class AppMobilityServiceEntity {

    @Id
    @Column(name = "app_mobility_service_id")
    public String appMobilityServiceId;

    @Column(name = "app_instance_id")
    public String appInstanceId;

    @Column(name = "mep_id")
    public String mepId;

    @Column(name = "body", nullable = false)
    public String body;

    @Column(name = "expiry_time")
    public Long expiryTime;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    /** Entity tag of the resource; incremented by every accepted PUT. */
    @Column(name = "version", nullable = false)
    public int version;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
