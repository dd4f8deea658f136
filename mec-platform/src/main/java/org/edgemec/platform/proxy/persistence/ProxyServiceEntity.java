package org.edgemec.platform.proxy.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.edgemec.platform.persistence.changes.TableChangeEntityListener;

import java.time.OffsetDateTime;

/** A service the proxy fronts: its origin host name and the backends per client requirement. */
@Entity
@EntityListeners(TableChangeEntityListener.class)
@Table(name = "proxy_service")
public class ProxyServiceEntity {

    @Id
    @Column(name = "service_host")
    public String serviceHost;

    public String backend;

    @Column(name = "latency_backend")
    public String latencyBackend;

    @Column(name = "throughput_backend")
    public String throughputBackend;

    /** The provisioned app instance this service fronts; null when the operator put it. */
    @Column(name = "app_instance_id")
    public String appInstanceId;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
