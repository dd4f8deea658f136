package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.edgemec.platform.persistence.changes.TableChangeEntityListener;

import java.time.OffsetDateTime;

/** An app instance provisioned on this host with its client credentials (secret stored hashed). */
@Entity
@EntityListeners(TableChangeEntityListener.class)
@Table(name = "app_instance")
public class AppInstanceEntity {

    @Id
    @Column(name = "app_instance_id")
    public String appInstanceId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "client_secret_hash", nullable = false)
    public String clientSecretHash;

    /** The AppInstanceProvisioning body as received (JSON). */
    @Column(name = "provisioning", nullable = false)
    public String provisioning;

    /** JSON list of token keys adopted from the hosts it came from (null: only this platform's own tokens). */
    @Column(name = "adopted_token_keys")
    public String adoptedTokenKeys;

    @Column(name = "ready_at")
    public OffsetDateTime readyAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
