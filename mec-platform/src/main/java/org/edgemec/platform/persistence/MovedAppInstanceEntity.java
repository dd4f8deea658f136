package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.edgemec.platform.persistence.changes.TableChangeEntityListener;

import java.time.OffsetDateTime;

/**
 * An app instance that moved to another host: what is needed to keep answering the process, which still holds this
 * host's Mp1 URL and credentials (tokens from its client credentials, a redirect of its Mp1 calls).
 */
@Entity
@EntityListeners(TableChangeEntityListener.class)
@Table(name = "moved_app_instance")
public class MovedAppInstanceEntity {

    @Id
    @Column(name = "app_instance_id")
    public String appInstanceId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "client_secret_hash", nullable = false)
    public String clientSecretHash;

    /** JSON list of the adopted token keys the instance had here (tokens of earlier hosts). */
    @Column(name = "token_keys")
    public String tokenKeys;

    /** Base URL of the platform of the host it moved to. */
    @Column(name = "moved_to", nullable = false)
    public String movedTo;

    @Column(name = "moved_at", nullable = false)
    public OffsetDateTime movedAt;
}
