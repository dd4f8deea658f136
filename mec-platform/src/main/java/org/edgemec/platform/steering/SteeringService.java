package org.edgemec.platform.steering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.platform.appsupport.DnsRuleService;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.persistence.AppInstanceRepository;
import org.edgemec.platform.persistence.SteeringEntity;
import org.edgemec.platform.persistence.SteeringNameEntity;
import org.edgemec.platform.persistence.SteeringRepository;
import org.edgemec.platform.persistence.StoredLimits;
import org.edgemec.platform.provisioning.AppInstanceFronting;
import org.edgemec.platform.proxy.domain.ClientStateService;
import org.edgemec.platform.proxy.domain.Endpoint;
import org.edgemec.platform.proxy.domain.ServiceCatalogue;
import org.jboss.logging.Logger;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Relocation steering of the app instances of this host (operator API, called by relocation-service's saga on the
 * host the instance left). DNS: the DNS server answers the recorded names with the target (read per query by
 * {@link DnsRuleService#find}). TRAFFIC_RULE: the edge proxy's catalogue entries of the instance's fronted host names
 * lead to the target, and client states that forwarded them to the old backend follow (through
 * {@link AppInstanceFronting}, which fronts a steered instance at the target). A steering outlives the instance when
 * it is deprovisioned with keepSteering; it ends with DELETE or at expiresAt.
 */
@ApplicationScoped
@Transactional
public class SteeringService {

    private static final Logger LOG = Logger.getLogger(SteeringService.class);
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    private final SteeringRepository steerings;
    private final AppInstanceRepository instances;
    private final DnsRuleService dnsRules;
    private final AppInstanceFronting fronting;
    private final ServiceCatalogue catalogue;
    private final ClientStateService clients;
    private final JsonColumn json;

    public SteeringService(SteeringRepository steerings, AppInstanceRepository instances, DnsRuleService dnsRules,
                           AppInstanceFronting fronting, ServiceCatalogue catalogue, ClientStateService clients,
                           JsonColumn json) {
        this.steerings = steerings;
        this.instances = instances;
        this.dnsRules = dnsRules;
        this.fronting = fronting;
        this.catalogue = catalogue;
        this.clients = clients;
        this.json = json;
    }

    /** What a steering did to the proxy, kept across its replacement or removal to undo it. */
    private record ProxyEffect(Endpoint target, List<String> names) {

        static ProxyEffect of(SteeringEntity s) {
            return s == null || !s.isTrafficRule() ? null
                    : new ProxyEffect(Endpoint.parse(s.targetAuthority(), "target"), s.domainNames());
        }
    }

    /**
     * Installs or replaces the steering of an instance. The same body again answers the steering in force unchanged
     * (same createdAt and expiresAt); another body replaces it.
     */
    public Steering put(String appInstanceId, SteeringRequest body) {
        Duration expiresAfter = validate(body);
        // the instance's row (while provisioned) and the steering's row serialise concurrent PUTs of one instance
        AppInstanceEntity instance = instances.findProvisioned(appInstanceId, LockModeType.PESSIMISTIC_WRITE);
        SteeringEntity existing = steerings.findForUpdate(appInstanceId);
        if (instance == null && existing == null) {
            throw new NotFoundException("app instance " + appInstanceId + " is not provisioned on this host and has "
                    + "no steering here");
        }
        String expiresAfterText = expiresAfter == null ? null : expiresAfter.toString();
        if (existing != null && same(existing, body, expiresAfterText)) {
            LOG.infof("steering of app instance %s unchanged: %s", appInstanceId, describe(existing));
            return view(existing);
        }
        Map<String, Long> ttls = names(appInstanceId, instance, existing, body.strategy());
        ProxyEffect before = ProxyEffect.of(existing);
        if (existing != null) {
            steerings.delete(existing);
            steerings.flush(); // its names go before the new ones are inserted (same unique keys)
        }
        SteeringEntity s = new SteeringEntity();
        s.appInstanceId = appInstanceId;
        s.strategy = body.strategy().name();
        s.targetHost = body.target().host();
        s.targetPort = body.target().port();
        s.ttl = body.ttl();
        s.expiresAfter = expiresAfterText;
        s.relocationId = body.relocationId();
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        s.expiresAt = expiresAfter == null ? null : s.createdAt.plus(expiresAfter);
        int position = 0;
        for (Map.Entry<String, Long> name : ttls.entrySet()) {
            SteeringNameEntity n = new SteeringNameEntity();
            n.steering = s;
            n.domainName = name.getKey();
            n.ruleTtl = name.getValue();
            n.position = position++;
            s.names.add(n);
        }
        steerings.persist(s);
        steerings.flush();
        reconcileProxy(appInstanceId, instance, before, s);
        LOG.infof("steering of app instance %s %s: %s%s", appInstanceId, existing == null ? "installed" : "replaced",
                describe(s), instance == null ? " (the instance is no longer provisioned here)" : "");
        return view(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Steering get(String appInstanceId) {
        return view(find(appInstanceId));
    }

    /** Reverts the instance to what its own provisioning says (or, when it is gone, to nothing). */
    public void delete(String appInstanceId) {
        SteeringEntity s = steerings.findForUpdate(appInstanceId);
        if (s == null) {
            throw new NotFoundException("app instance " + appInstanceId + " has no steering on this host");
        }
        String what = describe(s);
        remove(s);
        LOG.infof("steering of app instance %s removed (%s): reverted to its provisioning", appInstanceId, what);
    }

    /** The instance is deprovisioned without keepSteering: its steering, if any, ends first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeWithInstance(String appInstanceId) {
        SteeringEntity s = steerings.findForUpdate(appInstanceId);
        if (s != null) {
            String what = describe(s);
            remove(s);
            LOG.infof("steering of app instance %s removed with the instance (%s)", appInstanceId, what);
        }
    }

    /**
     * The instance's row is about to be deleted while its steering stays: the proxy's catalogue entries of a
     * TRAFFIC_RULE steering are no longer the instance's (they would go with it) but the steering's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void detachFromInstance(String appInstanceId) {
        SteeringEntity s = steerings.findById(appInstanceId);
        if (s == null) {
            return;
        }
        if (s.isTrafficRule()) {
            for (String name : s.domainNames()) {
                catalogue.put(name, s.targetAuthority(), null, null);
            }
        }
        LOG.infof("steering of app instance %s stays in force after the instance's removal: %s", appInstanceId,
                describe(s));
    }

    /** Removes (and reverts) the steerings whose expiresAt passed; rows held by another replica are skipped. */
    public int removeExpired(OffsetDateTime now, int limit) {
        List<SteeringEntity> expired = steerings.claimExpired(now, limit);
        for (SteeringEntity s : expired) {
            String what = describe(s);
            remove(s);
            LOG.infof("steering of app instance %s expired (%s): reverted", s.appInstanceId, what);
        }
        return expired.size();
    }

    private void remove(SteeringEntity s) {
        ProxyEffect before = ProxyEffect.of(s);
        String appInstanceId = s.appInstanceId;
        steerings.delete(s);
        steerings.flush();
        reconcileProxy(appInstanceId, instances.findProvisioned(appInstanceId), before, null);
    }

    /**
     * Makes the proxy's catalogue (and the client states forwarding to a changed backend) agree with the steering now
     * in force. A provisioned instance is fronted again by {@link AppInstanceFronting} (at the target while steered,
     * else at its endpoint); for an instance that is gone the steering's own entries are put or removed here.
     */
    private void reconcileProxy(String appInstanceId, AppInstanceEntity instance, ProxyEffect before,
                                SteeringEntity now) {
        ProxyEffect after = ProxyEffect.of(now);
        if (before == null && after == null) {
            return;
        }
        if (instance != null) {
            fronting.apply(json.read(instance.provisioning, AppInstanceProvisioning.class));
            return;
        }
        Map<String, ServiceCatalogue.FrontedService> current = catalogue.list().stream()
                .collect(Collectors.toMap(ServiceCatalogue.FrontedService::serviceHost, Function.identity()));
        Set<String> names = new LinkedHashSet<>();
        if (before != null) {
            names.addAll(before.names());
        }
        if (after != null) {
            names.addAll(after.names());
        }
        for (String name : names) {
            ServiceCatalogue.FrontedService service = current.get(name);
            if (after != null && after.names().contains(name)) {
                catalogue.put(name, after.target().toString(), null, null);
                if (service != null && !service.backend().equals(after.target())) {
                    clients.redirect(name, service.backend(), after.target());
                }
            } else if (service != null && before != null && service.backend().equals(before.target())) {
                catalogue.remove(name);
                LOG.infof("edge proxy no longer fronts %s (steering of the removed app instance %s ended)", name,
                        appInstanceId);
            }
        }
    }

    /**
     * The names the new steering covers, with their rule TTLs: DNS, every domain name of the instance's DnsRules;
     * TRAFFIC_RULE, the host names the proxy fronts the instance under (its AppD DNS rule names). When the instance
     * is gone, the names the steering in force recorded.
     */
    private Map<String, Long> names(String appInstanceId, AppInstanceEntity instance, SteeringEntity existing,
                                    SteeringStrategy strategy) {
        Map<String, Long> ttls = new LinkedHashMap<>();
        if (instance != null) {
            Map<String, Long> ruleTtls = dnsRules.ttlsByName(appInstanceId);
            if (strategy == SteeringStrategy.DNS) {
                return ruleTtls;
            }
            AppInstanceProvisioning p = json.read(instance.provisioning, AppInstanceProvisioning.class);
            for (String name : AppInstanceFronting.hostNames(p)) {
                ttls.put(name, ruleTtls.getOrDefault(name, DnsRuleService.DEFAULT_TTL_SECONDS));
            }
            return ttls;
        }
        for (SteeringNameEntity n : existing.names) {
            if (strategy == SteeringStrategy.DNS || ServiceCatalogue.isHostName(n.domainName)) {
                ttls.put(n.domainName, n.ruleTtl);
            }
        }
        return ttls;
    }

    private SteeringEntity find(String appInstanceId) {
        SteeringEntity s = steerings.findById(appInstanceId);
        if (s == null) {
            throw new NotFoundException("app instance " + appInstanceId + " has no steering on this host");
        }
        return s;
    }

    private static boolean same(SteeringEntity s, SteeringRequest body, String expiresAfter) {
        return s.strategy.equals(body.strategy().name()) && s.targetHost.equals(body.target().host())
                && Objects.equals(s.targetPort, body.target().port()) && Objects.equals(s.ttl, body.ttl())
                && Objects.equals(s.expiresAfter, expiresAfter) && Objects.equals(s.relocationId, body.relocationId());
    }

    private static Steering view(SteeringEntity s) {
        return new Steering(s.appInstanceId, SteeringStrategy.valueOf(s.strategy),
                new SteeringTarget(s.targetHost, s.targetPort), new ArrayList<>(s.domainNames()), s.relocationId,
                s.createdAt, s.expiresAt);
    }

    private static String describe(SteeringEntity s) {
        return s.strategy + " -> " + s.targetAuthority() + " for " + s.domainNames()
                + (s.ttl == null ? "" : ", ttl " + s.ttl + " s")
                + (s.relocationId == null ? "" : ", relocation " + s.relocationId)
                + (s.expiresAt == null ? "" : ", expires at " + s.expiresAt);
    }

    /** 400 naming the field; returns expiresAfter parsed. */
    static Duration validate(SteeringRequest body) {
        if (body == null) {
            throw new InvalidFieldException("body", "a Steering request body is required");
        }
        if (body.strategy() == null) {
            throw new InvalidFieldException("strategy", "required: DNS or TRAFFIC_RULE");
        }
        if (body.target() == null) {
            throw new InvalidFieldException("target", "required");
        }
        String host = body.target().host();
        if (host == null || host.isBlank()) {
            throw new InvalidFieldException("target.host", "required");
        }
        StoredLimits.maxLength("target.host", host, StoredLimits.NAME);
        StoredLimits.maxLength("expiresAfter", body.expiresAfter(), 64);
        boolean dns = body.strategy() == SteeringStrategy.DNS;
        InetAddress literal = literal(host);
        if (dns && literal == null) {
            throw new InvalidFieldException("target.host", "must be an IPv4 or IPv6 address literal for strategy DNS, "
                    + "was '" + host + "'");
        }
        if (dns && literal.isAnyLocalAddress()) {
            throw new InvalidFieldException("target.host", "must not be the unspecified address");
        }
        if (!dns && literal == null && !ServiceCatalogue.isHostName(host)) {
            throw new InvalidFieldException("target.host", "must be an address literal or a host name, was '"
                    + host + "'");
        }
        Integer port = body.target().port();
        if (!dns && port == null) {
            throw new InvalidFieldException("target.port", "required for strategy TRAFFIC_RULE");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new InvalidFieldException("target.port", "must be within 1..65535, was " + port);
        }
        if (body.ttl() != null && (body.ttl() < 0 || body.ttl() > Integer.MAX_VALUE)) {
            throw new InvalidFieldException("ttl", "must be within 0..2147483647 seconds");
        }
        if (body.relocationId() != null && body.relocationId().length() > 128) {
            throw new InvalidFieldException("relocationId", "at most 128 characters");
        }
        if (body.expiresAfter() == null) {
            return null;
        }
        Duration expiresAfter;
        try {
            expiresAfter = Duration.parse(body.expiresAfter());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("expiresAfter", "must be an ISO-8601 duration such as PT10M, was '"
                    + body.expiresAfter() + "'");
        }
        if (expiresAfter.isNegative() || expiresAfter.isZero()) {
            throw new InvalidFieldException("expiresAfter", "must be positive");
        }
        return expiresAfter;
    }

    /** The address of an IPv4 or IPv6 literal (never a name lookup); null for anything else. */
    private static InetAddress literal(String host) {
        boolean v4 = IPV4.matcher(host).matches();
        if (!v4 && !IPV6.matcher(host).matches()) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return v4 == (address instanceof Inet4Address) ? address : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
