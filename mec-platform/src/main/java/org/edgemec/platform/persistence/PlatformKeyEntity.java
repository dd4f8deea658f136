package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The platform's token signing key pair (PKCS#8 / X.509, Base64); one row, kept across restarts. */
@Entity
@Table(name = "platform_key")
public class PlatformKeyEntity {

    @Id
    @Column(name = "id")
    public Integer id;

    @Column(name = "private_key", nullable = false)
    public String privateKey;

    @Column(name = "public_key", nullable = false)
    public String publicKey;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
