package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.edgemec.platform.persistence.changes.TableChangeEntityListener;

import java.time.OffsetDateTime;

/**
 * An app instance of this host: provisioned by the LCM with its client credentials (secret stored hashed), or, when
 * not instantiated by the MEC management ({@code insByMec} false), allocated at the Mp1 registration of an app
 * provider, which acts for it with its own credentials (no provisioning, no credentials of its own).
 */
@Entity
@EntityListeners(TableChangeEntityListener.class)
@Table(name = "app_instance")
public class AppInstanceEntity {

    @Id
    @Column(name = "app_instance_id")
    public String appInstanceId;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "client_secret_hash")
    public String clientSecretHash;

    /** The AppInstanceProvisioning body as received (JSON); null for an instance not instantiated by the MEC. */
    @Column(name = "provisioning")
    public String provisioning;

    /** False for an instance registered by an app provider (AppInfo isInsByMec false). */
    @Column(name = "ins_by_mec", nullable = false)
    public boolean insByMec = true;

    /** The app provider that registered it (only when not instantiated by the MEC). */
    @Column(name = "app_provider_id")
    public String appProviderId;

    /** JSON list of token keys adopted from the hosts it came from (null: only this platform's own tokens). */
    @Column(name = "adopted_token_keys")
    public String adoptedTokenKeys;

    @Column(name = "ready_at")
    public OffsetDateTime readyAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
