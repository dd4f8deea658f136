package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.edgemec.platform.persistence.changes.TableChangeEntityListener;

/** One domain name a steering covers (lower case, no trailing dot), with the TTL the instance's rules gave it. */
@Entity
@EntityListeners(TableChangeEntityListener.class)
@Table(name = "steering_name")
public class SteeringNameEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "app_instance_id", nullable = false)
    public SteeringEntity steering;

    @Column(name = "domain_name", nullable = false)
    public String domainName;

    @Column(name = "rule_ttl", nullable = false)
    public long ruleTtl;

    @Column(name = "position", nullable = false)
    public int position;
}
