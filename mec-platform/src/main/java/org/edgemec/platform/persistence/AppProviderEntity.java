package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * An app provider the operator gave client credentials (secret stored hashed), so that its apps not instantiated by
 * the MEC management can register over Mp1.
 */
@Entity
@Table(name = "app_provider")
public class AppProviderEntity {

    @Id
    @Column(name = "provider_id")
    public String providerId;

    /** The name apps give as AppInfo appProvider. */
    @Column(name = "app_provider", nullable = false)
    public String appProvider;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "client_secret_hash", nullable = false)
    public String clientSecretHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
