package org.edgemec.applcm.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "lcm_op_occ")
public class LcmOpOccEntity {

    @Id
    public String id;
    @Column(name = "app_instance_id")
    public String appInstanceId;
    @Column(name = "lcm_operation")
    public String lcmOperation;
    @Column(name = "operation_state")
    public String operationState;
    @Column(name = "state_entered_time")
    public OffsetDateTime stateEnteredTime;
    @Column(name = "start_time")
    public OffsetDateTime startTime;
    @Column(name = "operation_params")
    public String operationParams;
    @Column(name = "is_cancel_pending")
    public boolean cancelPending;
    @Column(name = "cancel_mode")
    public String cancelMode;
    @Column(name = "error_detail")
    public String errorDetail;
    @Column(name = "error_status")
    public Integer errorStatus;
    @Column(name = "error_title")
    public String errorTitle;
    @Column(name = "error_type")
    public String errorType;
    @Column(name = "error_instance")
    public String errorInstance;
    /** JSON array of {time, step} records, appended as the operation runs. */
    public String steps;
    /** configure_platform_for_app: the platform's provisioning and identity before it was changed (JSON). */
    @Column(name = "platform_snapshot")
    public String platformSnapshot;
    /** The replica running the operation and until when its claim holds (null when nobody runs it). */
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
