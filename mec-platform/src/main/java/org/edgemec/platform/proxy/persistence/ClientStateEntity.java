package org.edgemec.platform.proxy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** The state a proxy holds for one client (seed 000: "per-client state"). */
@Entity
@Table(name = "proxy_client_state")
public class ClientStateEntity {

    @EmbeddedId
    public Key key;

    @Column(name = "latency_class")
    public String latencyClass;

    @Column(name = "throughput_class")
    public String throughputClass;

    /** JSON object: service host -> backend host:port. */
    public String forwarding;

    @Column(name = "handover_id")
    public String handoverId;

    public boolean arrived;

    @Column(name = "advertise_alt_svc")
    public String advertiseAltSvc;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Embeddable
    public record Key(@Column(name = "proxy_name") String proxyName, @Column(name = "client_id") String clientId)
            implements Serializable {
    }
}
