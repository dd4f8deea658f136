package org.edgemec.platform.appsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.error.PreconditionFailedException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.RuleState;
import org.edgemec.mp1api.mec0102.appd.DNSRuleDescriptor;
import org.edgemec.mp1api.mec011.appsupport.DnsRule;
import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.edgemec.platform.persistence.DnsRuleEntity;
import org.edgemec.platform.persistence.DnsRuleRepository;
import org.edgemec.platform.security.AppAccess;

import java.util.List;

/** Mp1 DnsRules of the app instances on this host, and their ACTIVE view for the DNS server. */
@ApplicationScoped
@Transactional
public class DnsRuleService implements ActiveDnsRules {

    /** TTL answered for a rule without one. */
    static final long DEFAULT_TTL_SECONDS = 60;

    private final DnsRuleRepository rules;
    private final AppAccess access;
    private final JsonColumn json;

    public DnsRuleService(DnsRuleRepository rules, AppAccess access, JsonColumn json) {
        this.rules = rules;
        this.access = access;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DnsRule> list(String appInstanceId) {
        access.require(appInstanceId);
        return rules.list("appInstanceId = ?1 order by dnsRuleId", appInstanceId).stream()
                .map(r -> json.read(r.body, DnsRule.class)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tagged<DnsRule> get(String appInstanceId, String dnsRuleId) {
        access.require(appInstanceId);
        DnsRuleEntity rule = find(appInstanceId, dnsRuleId);
        return new Tagged<>(json.read(rule.body, DnsRule.class), Tagged.etagOf(rule.version));
    }

    public Tagged<DnsRule> update(String appInstanceId, String dnsRuleId, DnsRule body, String ifMatch) {
        access.require(appInstanceId);
        DnsRuleEntity rule = find(appInstanceId, dnsRuleId);
        if (!dnsRuleId.equals(body.dnsRuleId())) {
            throw new InvalidFieldException("dnsRuleId", "must equal the dnsRuleId of the resource URI");
        }
        validate("", body);
        if (!Tagged.matches(ifMatch, rule.version)) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " does not match the current ETag "
                    + Tagged.etagOf(rule.version));
        }
        apply(rule, body);
        rule.version++;
        rules.flush();
        return new Tagged<>(body, Tagged.etagOf(rule.version));
    }

    /** Stores an AppD rule at provisioning; the AppD has no state, so the rule starts ACTIVE. */
    public void provision(String appInstanceId, DNSRuleDescriptor d, String field) {
        DnsRule rule = new DnsRule(d.dnsRuleId(), d.domainName(), d.ipAddressType(), d.ipAddress(), d.ttl(),
                RuleState.ACTIVE);
        validate(field + ".", rule);
        DnsRuleEntity entity = new DnsRuleEntity();
        entity.appInstanceId = appInstanceId;
        entity.dnsRuleId = d.dnsRuleId();
        entity.version = 1;
        apply(entity, rule);
        rules.persist(entity);
    }

    /** Own transaction (not SUPPORTS): callers outside a request must never see a stale session cache. */
    @Override
    @Transactional
    public List<DnsRecord> find(String domainName) {
        if (domainName == null || domainName.isBlank()) {
            return List.of();
        }
        return rules.list("domainName = ?1 and state = ?2 order by id", RuleValidation.normalise(domainName),
                RuleState.ACTIVE.name()).stream().map(entity -> {
            DnsRule rule = json.read(entity.body, DnsRule.class);
            return new DnsRecord(rule.dnsRuleId(), entity.appInstanceId, entity.domainName,
                    IpVersion.valueOf(rule.ipAddressType().name()), rule.ipAddress(),
                    rule.ttl() == null ? DEFAULT_TTL_SECONDS : rule.ttl());
        }).toList();
    }

    private static void validate(String prefix, DnsRule rule) {
        RuleValidation.domainName(prefix + "domainName", rule.domainName());
        RuleValidation.ipAddress(prefix + "ipAddress", rule.ipAddressType(), rule.ipAddress());
        if (rule.ttl() != null && rule.ttl() < 0) {
            throw new InvalidFieldException(prefix + "ttl", "must not be negative");
        }
    }

    private void apply(DnsRuleEntity entity, DnsRule rule) {
        entity.domainName = RuleValidation.normalise(rule.domainName());
        entity.state = rule.state().name();
        entity.body = json.write(rule);
    }

    private DnsRuleEntity find(String appInstanceId, String dnsRuleId) {
        DnsRuleEntity rule = rules.find("appInstanceId = ?1 and dnsRuleId = ?2", appInstanceId, dnsRuleId)
                .firstResult();
        if (rule == null) {
            throw new NotFoundException("DNS rule " + dnsRuleId + " of app instance " + appInstanceId);
        }
        return rule;
    }
}
