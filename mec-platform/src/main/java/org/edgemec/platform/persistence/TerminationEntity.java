package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A graceful termination waiting for confirm_termination or its deadline. */
@Entity
@Table(name = "app_termination")
public class TerminationEntity {

    @Id
    @Column(name = "app_instance_id")
    public String appInstanceId;

    @Column(name = "operation_action", nullable = false)
    public String operationAction;

    /** true: the instance is deprovisioned when the termination ends (provisioning DELETE). */
    @Column(name = "remove_instance", nullable = false)
    public boolean removeInstance;

    @Column(name = "deadline", nullable = false)
    public OffsetDateTime deadline;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
}
