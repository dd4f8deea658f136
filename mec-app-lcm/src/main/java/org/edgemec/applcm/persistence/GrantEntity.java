package org.edgemec.applcm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A grant; {@code active} grants of a host count against its capacity until the app instance is terminated. */
@Entity
@Table(name = "app_grant")
public class GrantEntity {

    @Id
    public String id;
    @Column(name = "app_instance_id")
    public String appInstanceId;
    @Column(name = "app_lcm_op_occ_id")
    public String appLcmOpOccId;
    @Column(name = "app_d_id")
    public String appDId;
    public String operation;
    @Column(name = "host_name")
    public String hostName;
    public int cpu;
    @Column(name = "memory_mb")
    public int memoryMb;
    public boolean active;
    @Column(name = "body_json")
    public String bodyJson;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
