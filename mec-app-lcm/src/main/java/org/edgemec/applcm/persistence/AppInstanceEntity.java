package org.edgemec.applcm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "app_instance")
public class AppInstanceEntity {

    @Id
    public String id;
    @Column(name = "app_d_id")
    public String appDId;
    @Column(name = "app_pkg_id")
    public String appPkgId;
    public String name;
    public String description;
    @Column(name = "app_provider")
    public String appProvider;
    @Column(name = "app_name")
    public String appName;
    @Column(name = "app_soft_version")
    public String appSoftVersion;
    @Column(name = "app_d_version")
    public String appDVersion;
    @Column(name = "placement_mep_id")
    public String placementMepId;
    @Column(name = "instantiation_state")
    public String instantiationState;
    @Column(name = "operational_state")
    public String operationalState;
    @Column(name = "host_name")
    public String hostName;
    @Column(name = "container_id")
    public String containerId;
    @Column(name = "container_name")
    public String containerName;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
