package org.edgemec.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.edgemec.platform.persistence.changes.TableChangeEntityListener;

/**
 * A DnsRule (MEC 011 JSON); domainName is stored lower-case without the trailing dot for lookups. A rule that
 * follows the endpoint carries the endpoint's host as ipAddress in its body once the endpoint is known.
 */
@Entity
@EntityListeners(TableChangeEntityListener.class)
@Table(name = "dns_rule")
public class DnsRuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_instance_id", nullable = false)
    public String appInstanceId;

    @Column(name = "dns_rule_id", nullable = false)
    public String dnsRuleId;

    @Column(name = "domain_name", nullable = false)
    public String domainName;

    @Column(name = "state", nullable = false)
    public String state;

    @Column(name = "body", nullable = false)
    public String body;

    @Column(name = "version", nullable = false)
    public int version;

    /** An AppD rule with the unspecified address: its ipAddress is the instance's reported endpoint host. */
    @Column(name = "follows_endpoint", nullable = false)
    public boolean followsEndpoint;
}
