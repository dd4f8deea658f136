package org.edgemec.platform.appsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.error.PreconditionFailedException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.IpAddressType;
import org.edgemec.mp1api.common.RuleState;
import org.edgemec.mp1api.mec0102.appd.DNSRuleDescriptor;
import org.edgemec.mp1api.mec011.appsupport.DnsRule;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.persistence.AppInstanceRepository;
import org.edgemec.platform.persistence.DnsRuleEntity;
import org.edgemec.platform.persistence.DnsRuleRepository;
import org.edgemec.platform.persistence.SteeringNameEntity;
import org.edgemec.platform.persistence.SteeringRepository;
import org.edgemec.platform.security.AppAccess;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mp1 DnsRules of the app instances on this host, and their view for the DNS server: the ACTIVE rules, except that a
 * name covered by a DNS relocation steering is answered with the steering's target instead of the steered
 * instance's rules, and that a rule following the endpoint is answered only once the endpoint is known.
 */
@ApplicationScoped
@Transactional
public class DnsRuleService implements ActiveDnsRules {

    private static final Logger LOG = Logger.getLogger(DnsRuleService.class);

    /** TTL answered for a rule without one. */
    public static final long DEFAULT_TTL_SECONDS = 60;

    private final DnsRuleRepository rules;
    private final SteeringRepository steerings;
    private final AppInstanceRepository instances;
    private final AppAccess access;
    private final JsonColumn json;

    public DnsRuleService(DnsRuleRepository rules, SteeringRepository steerings, AppInstanceRepository instances,
                          AppAccess access, JsonColumn json) {
        this.rules = rules;
        this.steerings = steerings;
        this.instances = instances;
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
        AppInstanceEntity instance = access.require(appInstanceId);
        DnsRuleEntity rule = find(appInstanceId, dnsRuleId, LockModeType.PESSIMISTIC_WRITE);
        if (!dnsRuleId.equals(body.dnsRuleId())) {
            throw new InvalidFieldException("dnsRuleId", "must equal the dnsRuleId of the resource URI");
        }
        validate("", body);
        // an instance registered by an app provider has no AppD names (nor rules: find above answers 404)
        requireOwnName(instance.provisioning == null ? null
                : json.read(instance.provisioning, AppInstanceProvisioning.class), body.domainName());
        if (!Tagged.matches(ifMatch, rule.version)) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " does not match the current ETag "
                    + Tagged.etagOf(rule.version));
        }
        // the unspecified address (again) follows the endpoint; a following rule written back with the address it
        // showed (e.g. only its state changed) keeps following; any other address ends the following
        DnsRule current = json.read(rule.body, DnsRule.class);
        boolean follows = RuleValidation.isUnspecified(body.ipAddress()) || (rule.followsEndpoint
                && current.ipAddressType() == body.ipAddressType() && current.ipAddress().equals(body.ipAddress()));
        DnsRule stored = follows ? withAddress(body, effectiveAddress(body.ipAddressType(), endpointHost(appInstanceId)))
                : body;
        rule.followsEndpoint = follows;
        apply(rule, stored);
        rule.version++;
        rules.flush();
        return new Tagged<>(stored, Tagged.etagOf(rule.version));
    }

    /** Stores an AppD rule at provisioning; the AppD has no state, so the rule starts ACTIVE. */
    public void provision(String appInstanceId, DNSRuleDescriptor d, String field) {
        provision(appInstanceId, d, field, null);
    }

    /**
     * Stores an AppD rule at provisioning (state ACTIVE). A rule with the unspecified address ({@code 0.0.0.0},
     * {@code ::}) follows the instance's endpoint: it is stored with the endpoint's host when {@code endpoint} is
     * known, else with the unspecified address, which is not answered.
     */
    public void provision(String appInstanceId, DNSRuleDescriptor d, String field, AppEndpoint endpoint) {
        DnsRule rule = new DnsRule(d.dnsRuleId(), d.domainName(), d.ipAddressType(), d.ipAddress(), d.ttl(),
                RuleState.ACTIVE);
        validate(field + ".", rule);
        DnsRuleEntity entity = new DnsRuleEntity();
        entity.appInstanceId = appInstanceId;
        entity.dnsRuleId = d.dnsRuleId();
        entity.version = 1;
        entity.followsEndpoint = RuleValidation.isUnspecified(d.ipAddress());
        apply(entity, entity.followsEndpoint
                ? withAddress(rule, effectiveAddress(rule.ipAddressType(), endpoint == null ? null : endpoint.host()))
                : rule);
        rules.persist(entity);
    }

    /**
     * The instance reported a new endpoint: every rule of it that follows the endpoint now carries the endpoint's
     * host (when it is an address literal of the rule's type; otherwise the rule is not answered). A changed rule
     * gets a new version (ETag). Returns how many rules changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int followEndpoint(String appInstanceId, String endpointHost) {
        int changed = 0;
        // locked like an Mp1 PUT of the rule, so the endpoint report and the PUT never overwrite each other
        for (DnsRuleEntity entity : rules.find("appInstanceId = ?1 and followsEndpoint = true order by dnsRuleId",
                appInstanceId).withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
            DnsRule rule = json.read(entity.body, DnsRule.class);
            String address = effectiveAddress(rule.ipAddressType(), endpointHost);
            if (!address.equals(rule.ipAddress())) {
                apply(entity, withAddress(rule, address));
                entity.version++;
                changed++;
                LOG.infof("DNS rule %s of app instance %s follows the endpoint: %s -> %s", rule.dnsRuleId(),
                        appInstanceId, rule.domainName(), RuleValidation.isUnspecified(address)
                                ? "not answered (endpoint host " + endpointHost + " is no " + rule.ipAddressType()
                                + " literal)" : address);
            }
        }
        return changed;
    }

    /**
     * The domain names of an instance's DnsRules (any state), normalised, each with the TTL its rules give it (the
     * lowest, when several rules name it): what a DNS steering of the instance covers.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> ttlsByName(String appInstanceId) {
        Map<String, Long> names = new LinkedHashMap<>();
        for (DnsRuleEntity entity : rules.list("appInstanceId = ?1 order by id", appInstanceId)) {
            Integer ttl = json.read(entity.body, DnsRule.class).ttl();
            names.merge(entity.domainName, ttl == null ? DEFAULT_TTL_SECONDS : ttl, Math::min);
        }
        return names;
    }

    /** Own transaction (not SUPPORTS): callers outside a request must never see a stale session cache. */
    @Override
    @Transactional
    public List<DnsRecord> find(String domainName) {
        if (domainName == null || domainName.isBlank()) {
            return List.of();
        }
        String name = RuleValidation.normalise(domainName);
        List<SteeringNameEntity> steered = steerings.dnsSteeringsOf(name, OffsetDateTime.now());
        return records(name, rules.list("domainName = ?1 and state = ?2 order by id", name, RuleState.ACTIVE.name()),
                steered);
    }

    /** Own transaction, as {@link #find}: two statements for every name instead of two per name. */
    @Override
    @Transactional
    public Map<String, List<DnsRecord>> findAll() {
        Map<String, List<DnsRuleEntity>> byName = new LinkedHashMap<>();
        for (DnsRuleEntity entity : rules.list("state = ?1 order by id", RuleState.ACTIVE.name())) {
            byName.computeIfAbsent(entity.domainName, k -> new ArrayList<>()).add(entity);
        }
        Map<String, List<SteeringNameEntity>> steeredByName = new LinkedHashMap<>();
        for (SteeringNameEntity n : steerings.dnsSteerings(OffsetDateTime.now())) {
            steeredByName.computeIfAbsent(n.domainName, k -> new ArrayList<>()).add(n);
        }
        Map<String, List<DnsRecord>> all = new LinkedHashMap<>();
        Set<String> names = new java.util.LinkedHashSet<>(byName.keySet());
        names.addAll(steeredByName.keySet());
        for (String name : names) {
            List<DnsRecord> records = records(name, byName.getOrDefault(name, List.of()),
                    steeredByName.getOrDefault(name, List.of()));
            if (!records.isEmpty()) {
                all.put(name, records);
            }
        }
        return all;
    }

    /** The answer for one name: its ACTIVE rules (in id order) unless steered elsewhere, then its DNS steerings. */
    private List<DnsRecord> records(String name, List<DnsRuleEntity> active, List<SteeringNameEntity> steered) {
        Set<String> steeredInstances = steered.stream().map(n -> n.steering.appInstanceId).collect(Collectors.toSet());
        List<DnsRecord> records = new ArrayList<>();
        for (DnsRuleEntity entity : active) {
            DnsRule rule = json.read(entity.body, DnsRule.class);
            if (steeredInstances.contains(entity.appInstanceId) || RuleValidation.isUnspecified(rule.ipAddress())) {
                continue; // steered elsewhere, or following an endpoint not reported yet
            }
            records.add(new DnsRecord(rule.dnsRuleId(), entity.appInstanceId, entity.domainName,
                    IpVersion.valueOf(rule.ipAddressType().name()), rule.ipAddress(),
                    rule.ttl() == null ? DEFAULT_TTL_SECONDS : rule.ttl()));
        }
        for (SteeringNameEntity n : steered) {
            String target = n.steering.targetHost;
            records.add(new DnsRecord("steering:" + n.steering.appInstanceId, n.steering.appInstanceId, name,
                    target.indexOf(':') >= 0 ? IpVersion.IP_V6 : IpVersion.IP_V4, target,
                    n.steering.ttl != null ? n.steering.ttl : n.ruleTtl));
        }
        return records;
    }

    /**
     * The names an app may have answered are the ones its provisioning (the AppD's {@code appDNSRule}, granted by the
     * operator through the LCM) gives it: over Mp1 an app changes its rules' addresses and states, but never takes a
     * name of another app or of anybody else (the DNS server is authoritative for whatever a rule names). Steering
     * names are recorded from these rules, and registered services carry no DNS names, so they add nothing.
     */
    static void requireOwnName(AppInstanceProvisioning provisioning, String domainName) {
        Set<String> own = ownNames(provisioning);
        if (!own.contains(RuleValidation.normalise(domainName))) {
            throw new InvalidFieldException("domainName", "'" + domainName + "' is not a name of this app instance"
                    + " (its AppD DNS rules name " + own + ")");
        }
    }

    static Set<String> ownNames(AppInstanceProvisioning provisioning) {
        return provisioning == null || provisioning.appDNSRule() == null ? Set.of() : provisioning.appDNSRule().stream()
                .map(DNSRuleDescriptor::domainName).filter(java.util.Objects::nonNull).map(RuleValidation::normalise)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private String endpointHost(String appInstanceId) {
        AppInstanceEntity instance = instances.findProvisioned(appInstanceId);
        if (instance == null) {
            return null;
        }
        AppEndpoint endpoint = json.read(instance.provisioning, AppInstanceProvisioning.class).endpoint();
        return endpoint == null ? null : endpoint.host();
    }

    /** The endpoint's host when it is a literal of {@code type}, else the unspecified address (not answered). */
    private static String effectiveAddress(IpAddressType type, String endpointHost) {
        if (endpointHost != null && RuleValidation.isLiteral(type, endpointHost)) {
            return endpointHost;
        }
        return RuleValidation.unspecified(type);
    }

    private static DnsRule withAddress(DnsRule rule, String address) {
        return new DnsRule(rule.dnsRuleId(), rule.domainName(), rule.ipAddressType(), address, rule.ttl(),
                rule.state());
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
        return find(appInstanceId, dnsRuleId, LockModeType.NONE);
    }

    /**
     * An update reads the row {@code FOR UPDATE}: a concurrent PUT (or endpoint report) of the same rule waits for
     * this transaction and then sees the new version, so two PUTs with the same ETag cannot both win.
     */
    private DnsRuleEntity find(String appInstanceId, String dnsRuleId, LockModeType lock) {
        DnsRuleEntity rule = rules.find("appInstanceId = ?1 and dnsRuleId = ?2", appInstanceId, dnsRuleId)
                .withLock(lock).firstResult();
        if (rule == null) {
            throw new NotFoundException("DNS rule " + dnsRuleId + " of app instance " + appInstanceId);
        }
        return rule;
    }
}
