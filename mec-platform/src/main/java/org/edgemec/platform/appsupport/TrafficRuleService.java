package org.edgemec.platform.appsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.error.PreconditionFailedException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.RuleState;
import org.edgemec.mp1api.common.TrafficFilter;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.provisioning.AppInstanceFronting;
import org.edgemec.mp1api.mec0102.appd.InterfaceDescriptor;
import org.edgemec.mp1api.mec0102.appd.TrafficRuleDescriptor;
import org.edgemec.mp1api.mec011.appsupport.DestinationInterface;
import org.edgemec.mp1api.mec011.appsupport.TrafficRule;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.edgemec.platform.persistence.TrafficRuleEntity;
import org.edgemec.platform.persistence.TrafficRuleRepository;
import org.edgemec.platform.proxy.persistence.ProxyServiceEntity;
import org.edgemec.platform.proxy.persistence.ProxyServiceRepository;
import org.edgemec.platform.security.AppAccess;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mp1 TrafficRules of the app instances on this host, and their ACTIVE view for the edge proxy. */
@ApplicationScoped
@Transactional
public class TrafficRuleService implements ActiveTrafficRules {

    private final TrafficRuleRepository rules;
    private final AppAccess access;
    private final JsonColumn json;
    private final ProxyServiceRepository fronted;

    public TrafficRuleService(TrafficRuleRepository rules, AppAccess access, JsonColumn json,
                              ProxyServiceRepository fronted) {
        this.rules = rules;
        this.fronted = fronted;
        this.access = access;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrafficRule> list(String appInstanceId) {
        access.require(appInstanceId);
        return rules.list("appInstanceId = ?1 order by priority, trafficRuleId", appInstanceId).stream()
                .map(r -> json.read(r.body, TrafficRule.class)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Tagged<TrafficRule> get(String appInstanceId, String trafficRuleId) {
        access.require(appInstanceId);
        TrafficRuleEntity rule = find(appInstanceId, trafficRuleId);
        return new Tagged<>(json.read(rule.body, TrafficRule.class), Tagged.etagOf(rule.version));
    }

    public Tagged<TrafficRule> update(String appInstanceId, String trafficRuleId, TrafficRule body, String ifMatch) {
        AppInstanceEntity instance = access.require(appInstanceId);
        TrafficRuleEntity rule = find(appInstanceId, trafficRuleId, LockModeType.PESSIMISTIC_WRITE);
        if (!trafficRuleId.equals(body.trafficRuleId())) {
            throw new InvalidFieldException("trafficRuleId", "must equal the trafficRuleId of the resource URI");
        }
        RuleValidation.priority("priority", body.priority());
        // an instance registered by an app provider has no AppD host names (nor rules: find above answers 404)
        Set<String> own = new HashSet<>(instance.provisioning == null ? List.of() : AppInstanceFronting.hostNames(
                json.read(instance.provisioning, AppInstanceProvisioning.class)));
        fronted.list("appInstanceId", appInstanceId).forEach(s -> own.add(s.serviceHost));
        ownTags("", body.trafficFilter(), own);
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
    public void provision(String appInstanceId, TrafficRuleDescriptor descriptor, String field, Set<String> ownHosts) {
        RuleValidation.priority(field + ".priority", descriptor.priority());
        ownTags(field + ".", descriptor.trafficFilter(), ownHosts);
        TrafficRule rule = new TrafficRule(descriptor.trafficRuleId(), descriptor.filterType(),
                descriptor.priority(), descriptor.trafficFilter(), descriptor.action(),
                destination(descriptor.dstInterface()), RuleState.ACTIVE);
        TrafficRuleEntity entity = new TrafficRuleEntity();
        entity.appInstanceId = appInstanceId;
        entity.trafficRuleId = descriptor.trafficRuleId();
        entity.version = 1;
        apply(entity, rule);
        rules.persist(entity);
    }

    /** Own transaction (not SUPPORTS): callers outside a request must never see a stale session cache. */
    @Override
    @Transactional
    public List<Rule> inPriorityOrder() {
        List<TrafficRuleEntity> active = rules.list("state = ?1 order by priority, id", RuleState.ACTIVE.name());
        Map<String, Set<String>> hostsByApp = new HashMap<>();
        Set<String> apps = new HashSet<>();
        active.forEach(r -> apps.add(r.appInstanceId));
        if (!apps.isEmpty()) {
            // each rule is scoped to the host names the proxy fronts for its own app instance (isolation)
            for (ProxyServiceEntity s : fronted.list("appInstanceId in ?1", apps)) {
                hostsByApp.computeIfAbsent(s.appInstanceId, k -> new HashSet<>()).add(s.serviceHost);
            }
        }
        return active.stream().map(entity -> {
            TrafficRule rule = json.read(entity.body, TrafficRule.class);
            List<DestinationInterface> destinations = rule.dstInterface() == null ? List.of() : rule.dstInterface();
            return new Rule(entity.trafficRuleId, entity.appInstanceId, entity.priority,
                    Action.valueOf(rule.action().name()), rule.trafficFilter(), destinations,
                    hostsByApp.getOrDefault(entity.appInstanceId, Set.of()));
        }).toList();
    }

    /**
     * A filter's {@code tag} is matched against the requested service host (docs/edge-proxy.md), so it can only name
     * one of the app's own host names: naming another app's host would never match (rules are scoped to their own
     * app's hosts) and is refused rather than silently stored. {@code dstAddress} is not checked the same way: it is
     * matched against the backend, whose address changes with every endpoint report and relocation, and the scoping
     * keeps it to the app's own traffic anyway.
     */
    static void ownTags(String prefix, List<TrafficFilter> filters, Set<String> ownHosts) {
        if (filters == null) {
            return;
        }
        for (int i = 0; i < filters.size(); i++) {
            List<String> tags = filters.get(i) == null ? null : filters.get(i).tag();
            for (String tag : tags == null ? List.<String>of() : tags) {
                if (tag == null || !ownHosts.contains(RuleValidation.normalise(tag))) {
                    throw new InvalidFieldException(prefix + "trafficFilter[" + i + "].tag", "'" + tag
                            + "' is not a service host name of this app instance (its AppD DNS names " + ownHosts
                            + "): a rule acts only on the app's own traffic");
                }
            }
        }
    }

    private void apply(TrafficRuleEntity entity, TrafficRule rule) {
        entity.priority = rule.priority();
        entity.state = rule.state().name();
        entity.body = json.write(rule);
    }

    private TrafficRuleEntity find(String appInstanceId, String trafficRuleId) {
        return find(appInstanceId, trafficRuleId, LockModeType.NONE);
    }

    /**
     * An update reads the row {@code FOR UPDATE}: a concurrent PUT of the same rule waits for this transaction and
     * then compares its If-Match with the new version, so two PUTs with the same ETag cannot both win.
     */
    private TrafficRuleEntity find(String appInstanceId, String trafficRuleId, LockModeType lock) {
        TrafficRuleEntity rule = rules.find("appInstanceId = ?1 and trafficRuleId = ?2", appInstanceId,
                trafficRuleId).withLock(lock).firstResult();
        if (rule == null) {
            throw new NotFoundException("traffic rule " + trafficRuleId + " of app instance " + appInstanceId);
        }
        return rule;
    }

    private static List<DestinationInterface> destination(InterfaceDescriptor d) {
        return d == null ? null : List.of(new DestinationInterface(d.interfaceType(), d.tunnelInfo(), d.srcMACAddress(),
                d.dstMACAddress(), d.dstIPAddress()));
    }
}
