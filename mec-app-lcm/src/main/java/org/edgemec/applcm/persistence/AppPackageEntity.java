package org.edgemec.applcm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "app_package")
public class AppPackageEntity {

    @Id
    public String id;
    @Column(name = "app_d_id")
    public String appDId;
    @Column(name = "app_pkg_name")
    public String appPkgName;
    @Column(name = "app_pkg_version")
    public String appPkgVersion;
    @Column(name = "app_pkg_path")
    public String appPkgPath;
    @Column(name = "app_provider")
    public String appProvider;
    @Column(name = "app_name")
    public String appName;
    @Column(name = "app_soft_version")
    public String appSoftVersion;
    @Column(name = "app_d_version")
    public String appDVersion;
    @Column(name = "checksum_algorithm")
    public String checksumAlgorithm;
    @Column(name = "checksum_hash")
    public String checksumHash;
    @Column(name = "user_defined_data")
    public String userDefinedData;
    @Column(name = "onboarding_state")
    public String onboardingState;
    @Column(name = "operational_state")
    public String operationalState;
    @Column(name = "usage_state")
    public String usageState;
    @Column(name = "failure_detail")
    public String failureDetail;
    @Column(name = "appd_json")
    public String appdJson;
    @Column(name = "image_name")
    public String imageName;
    @Column(name = "image_entry")
    public String imageEntry;
    @Column(name = "image_kind")
    public String imageKind;
    @Column(name = "content_size")
    public Long contentSize;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
