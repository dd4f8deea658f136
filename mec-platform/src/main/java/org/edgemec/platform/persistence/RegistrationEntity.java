package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The Mp1 registration (AppInfo JSON) of an app instance. */
@Entity
@Table(name = "app_registration")
public class RegistrationEntity {

    @Id
    @Column(name = "app_instance_id")
    public String appInstanceId;

    @Column(name = "body", nullable = false)
    public String body;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;
}
