package org.edgemec.applcm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "mec_host")
public class MecHostEntity {

    @Id
    public String name;
    @Column(name = "engine_kind")
    public String engineKind;
    @Column(name = "engine_endpoint")
    public String engineEndpoint;
    @Column(name = "platform_url")
    public String platformUrl;
    public String zone;
    @Column(name = "capacity_cpu")
    public int capacityCpu;
    @Column(name = "capacity_memory_mb")
    public int capacityMemoryMb;
    public String source;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
