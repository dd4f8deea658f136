package org.edgemec.platform.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.mec011.appsupport.OperationActionType;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.mp1api.provisioning.AppInstanceCredentials;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.platform.appsupport.DnsRuleService;
import org.edgemec.platform.appsupport.TerminationService;
import org.edgemec.platform.appsupport.TrafficRuleService;
import org.edgemec.platform.config.Mp1Config;
import org.edgemec.platform.notification.Mp1Links;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.persistence.AppInstanceRepository;
import org.edgemec.platform.persistence.StoredLimits;
import org.edgemec.platform.security.ClientSecrets;
import org.edgemec.platform.security.CredentialHandoffs;
import org.edgemec.mp1api.provisioning.CredentialHandoff;
import org.edgemec.platform.steering.SteeringService;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The provisioning API (Mm5-like): app instances placed on this host by the LCM, with rules and credentials. */
@ApplicationScoped
@Transactional
public class ProvisioningService {

    private static final Logger LOG = Logger.getLogger(ProvisioningService.class);

    private final AppInstanceRepository instances;
    private final TrafficRuleService trafficRules;
    private final DnsRuleService dnsRules;
    private final TerminationService terminations;
    private final AppInstanceRemoval removal;
    private final AppInstanceFronting fronting;
    private final SteeringService steerings;
    private final JsonColumn json;
    private final Mp1Links links;
    private final Mp1Config config;
    private final CredentialHandoffs handoffs;

    public ProvisioningService(AppInstanceRepository instances, TrafficRuleService trafficRules,
                               DnsRuleService dnsRules, TerminationService terminations, AppInstanceRemoval removal,
                               AppInstanceFronting fronting, SteeringService steerings, JsonColumn json,
                               Mp1Links links, Mp1Config config, CredentialHandoffs handoffs) {
        this.handoffs = handoffs;
        this.instances = instances;
        this.trafficRules = trafficRules;
        this.dnsRules = dnsRules;
        this.terminations = terminations;
        this.removal = removal;
        this.fronting = fronting;
        this.steerings = steerings;
        this.json = json;
        this.links = links;
        this.config = config;
    }

    /** Stores the instance, its AppD rules and fresh credentials in one transaction (all or nothing). */
    public AppInstanceCredentials create(AppInstanceProvisioning body) {
        if (instances.findById(body.appInstanceId()) != null) {
            throw new ConflictException("app instance " + body.appInstanceId() + " is already provisioned");
        }
        for (int i = 0; i < orEmpty(body.appTrafficRule()).size(); i++) {
            StoredLimits.maxLength("appTrafficRule[" + i + "].trafficRuleId", body.appTrafficRule().get(i)
                    .trafficRuleId(), StoredLimits.RULE_ID);
        }
        for (int i = 0; i < orEmpty(body.appDNSRule()).size(); i++) {
            StoredLimits.maxLength("appDNSRule[" + i + "].dnsRuleId", body.appDNSRule().get(i).dnsRuleId(),
                    StoredLimits.RULE_ID);
        }
        requireUnique("appTrafficRule", body.appTrafficRule(), r -> r.trafficRuleId(), "trafficRuleId");
        requireUnique("appDNSRule", body.appDNSRule(), r -> r.dnsRuleId(), "dnsRuleId");
        AppInstanceEntity entity = new AppInstanceEntity();
        entity.appInstanceId = body.appInstanceId();
        String secret = null;
        if (body.credentials() != null) {
            // arriving from another host: the process keeps the credentials and tokens it was given there
            if (instances.find("clientId", body.credentials().clientId()).firstResult() != null) {
                throw new ConflictException("credentials.clientId " + body.credentials().clientId()
                        + " belongs to another app instance on this host");
            }
            handoffs.adopt(entity, body.credentials());
        } else {
            secret = ClientSecrets.newSecret();
            entity.clientId = UUID.randomUUID().toString();
            entity.clientSecretHash = ClientSecrets.hash(secret);
        }
        handoffs.arrived(entity.appInstanceId);
        // the identity is kept in its columns (secret hashed), not with the body that GET returns
        entity.provisioning = json.write(body.withCredentials(null));
        entity.createdAt = OffsetDateTime.now();
        try {
            // a provisioning racing this one for the same instance (or clientId) fails here, as 409, not at commit
            instances.persistAndFlush(entity);
        } catch (jakarta.persistence.PersistenceException e) {
            if (StoredLimits.isDuplicate(e)) {
                throw new ConflictException("app instance " + body.appInstanceId() + " is already provisioned"
                        + (body.credentials() == null ? "" : " or credentials.clientId belongs to another instance"));
            }
            throw e;
        }
        List<?> traffic = orEmpty(body.appTrafficRule());
        Set<String> ownHosts = Set.copyOf(AppInstanceFronting.hostNames(body));
        for (int i = 0; i < traffic.size(); i++) {
            trafficRules.provision(entity.appInstanceId, body.appTrafficRule().get(i), "appTrafficRule[" + i + "]",
                    ownHosts);
        }
        for (int i = 0; i < orEmpty(body.appDNSRule()).size(); i++) {
            dnsRules.provision(entity.appInstanceId, body.appDNSRule().get(i), "appDNSRule[" + i + "]",
                    body.endpoint());
        }
        fronting.apply(body);
        LOG.infof("app instance %s provisioned (%d traffic rules, %d DNS rules, endpoint %s)", entity.appInstanceId,
                traffic.size(), orEmpty(body.appDNSRule()).size(),
                body.endpoint() == null ? "not yet known" : body.endpoint().authority());
        return new AppInstanceCredentials(entity.appInstanceId, entity.clientId, secret,
                links.base() + "mec_platform_mgmt/v1/oauth/token");
    }

    /** The instance's Mp1 identity, for the host it is relocated to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CredentialHandoff credentialHandoff(String appInstanceId) {
        return handoffs.export(find(appInstanceId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppInstanceProvisioning> list() {
        return instances.listProvisioned().stream().map(e -> json.read(e.provisioning, AppInstanceProvisioning.class))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppInstanceProvisioning get(String appInstanceId) {
        return json.read(find(appInstanceId).provisioning, AppInstanceProvisioning.class);
    }

    /**
     * Where the instance now serves (the LCM tells after every container start: an engine may give a restarted
     * container another address); the proxy fronts the new endpoint, and DNS rules that follow the endpoint (AppD
     * address 0.0.0.0 / ::) now carry its host.
     */
    public AppInstanceProvisioning updateEndpoint(String appInstanceId, AppEndpoint endpoint) {
        AppInstanceEntity entity = find(appInstanceId);
        AppInstanceProvisioning updated = json.read(entity.provisioning, AppInstanceProvisioning.class)
                .withEndpoint(endpoint);
        entity.provisioning = json.write(updated);
        dnsRules.followEndpoint(appInstanceId, endpoint.host());
        fronting.apply(updated);
        LOG.infof("app instance %s serves at %s", appInstanceId, endpoint.authority());
        return updated;
    }

    /**
     * Immediate removal, or with graceful=true (and a termination subscription) a termination that removes the
     * instance on confirm_termination or after the graceful timeout. The instance's relocation steering ends with
     * it, unless {@code keepSteering}: then it stays in force (for the names it recorded) until it is deleted or
     * expires.
     */
    public void delete(String appInstanceId, boolean graceful, Integer gracefulTimeoutSeconds) {
        delete(appInstanceId, graceful, gracefulTimeoutSeconds, false);
    }

    public void delete(String appInstanceId, boolean graceful, Integer gracefulTimeoutSeconds,
                       boolean keepSteering) {
        delete(appInstanceId, graceful, gracefulTimeoutSeconds, keepSteering, null);
    }

    /**
     * As above; {@code movedTo} (the base URL of the platform of the host the instance was relocated to) keeps a
     * record of the move, so the process, which still holds this host's Mp1 URL and credentials, is served on. Without
     * it, the removal of an instance that is no longer provisioned here but moved away ends that record (terminated).
     */
    public void delete(String appInstanceId, boolean graceful, Integer gracefulTimeoutSeconds,
                       boolean keepSteering, String movedTo) {
        URI movedToUri = movedTo == null ? null : platformUrl(movedTo);
        if (instances.findProvisioned(appInstanceId) == null && movedToUri == null && handoffs.forget(appInstanceId)) {
            LOG.infof("app instance %s, which had moved away, is removed: its forwarding record ends", appInstanceId);
            return;
        }
        AppInstanceEntity entity = find(appInstanceId);
        if (gracefulTimeoutSeconds != null && gracefulTimeoutSeconds < 0) {
            throw new InvalidFieldException("gracefulTimeout", "must not be negative");
        }
        if (movedToUri != null) {
            handoffs.left(entity, movedToUri);
        }
        if (!keepSteering) {
            steerings.removeWithInstance(appInstanceId);
        }
        Duration timeout = gracefulTimeoutSeconds == null ? config.gracefulTimeout()
                : Duration.ofSeconds(gracefulTimeoutSeconds);
        if (graceful && terminations.begin(appInstanceId, OperationActionType.TERMINATING, true, timeout)) {
            return;
        }
        removal.remove(appInstanceId);
    }

    private static URI platformUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && value.length() <= 2048) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new InvalidFieldException("movedTo", "must be the absolute http(s) base URL of a mec-platform");
    }

    private AppInstanceEntity find(String appInstanceId) {
        AppInstanceEntity entity = instances.findProvisioned(appInstanceId);
        if (entity == null) {
            throw new NotFoundException("app instance " + appInstanceId + " is not provisioned on this host");
        }
        return entity;
    }

    private static <T> void requireUnique(String field, List<T> items, Function<T, String> id, String idName) {
        Set<String> seen = new HashSet<>();
        List<T> list = orEmpty(items);
        for (int i = 0; i < list.size(); i++) {
            if (!seen.add(id.apply(list.get(i)))) {
                throw new InvalidFieldException(field + "[" + i + "]." + idName, "duplicate id");
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
