package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.edgemec.platform.persistence.changes.TableChangeEntityListener;

/** A TrafficRule (MEC 011 JSON) with the columns the data plane queries; version backs the ETag. */
@Entity
@EntityListeners(TableChangeEntityListener.class)
@Table(name = "traffic_rule")
public class TrafficRuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_instance_id", nullable = false)
    public String appInstanceId;

    @Column(name = "traffic_rule_id", nullable = false)
    public String trafficRuleId;

    @Column(name = "priority", nullable = false)
    public int priority;

    @Column(name = "state", nullable = false)
    public String state;

    @Column(name = "body", nullable = false)
    public String body;

    @Column(name = "version", nullable = false)
    public int version;
}
