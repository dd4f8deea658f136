package org.edgemec.platform.persistence;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.edgemec.platform.persistence.changes.TableChangeEntityListener;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The relocation steering of one app instance (DNS or TRAFFIC_RULE) with the domain names it covers. Not tied to the
 * app_instance row: it stays when the instance is deprovisioned with keepSteering.
 */
@Entity
@EntityListeners(TableChangeEntityListener.class)
@Table(name = "steering")
public class SteeringEntity {

    public static final String DNS = "DNS";
    public static final String TRAFFIC_RULE = "TRAFFIC_RULE";

    @Id
    @Column(name = "app_instance_id")
    public String appInstanceId;

    @Column(name = "strategy", nullable = false)
    public String strategy;

    @Column(name = "target_host", nullable = false)
    public String targetHost;

    @Column(name = "target_port")
    public Integer targetPort;

    @Column(name = "ttl")
    public Long ttl;

    @Column(name = "expires_after")
    public String expiresAfter;

    @Column(name = "relocation_id")
    public String relocationId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @OneToMany(mappedBy = "steering", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<SteeringNameEntity> names = new ArrayList<>();

    public boolean isDns() {
        return DNS.equals(strategy);
    }

    public boolean isTrafficRule() {
        return TRAFFIC_RULE.equals(strategy);
    }

    /** {@code host:port} ({@code [v6]:port}) of the target; the host alone without a port. */
    public String targetAuthority() {
        if (targetPort == null) {
            return targetHost;
        }
        return (targetHost.indexOf(':') >= 0 ? "[" + targetHost + "]" : targetHost) + ":" + targetPort;
    }

    public List<String> domainNames() {
        return names.stream().map(n -> n.domainName).toList();
    }
}
