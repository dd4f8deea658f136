package org.edgemec.platform.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.edgemec.mp1api.mec0102.appd.DNSRuleDescriptor;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.platform.persistence.SteeringEntity;
import org.edgemec.platform.persistence.SteeringRepository;
import org.edgemec.platform.proxy.domain.ClientStateService;
import org.edgemec.platform.proxy.domain.Endpoint;
import org.edgemec.platform.proxy.domain.ServiceCatalogue;
import org.jboss.logging.Logger;

/**
 * Puts a provisioned app instance behind this host's edge proxy: each domain name of its AppD DNS rules leads to the
 * instance's endpoint, so clients logged in at the proxy reach the app under the name the AppD gives it. Only an
 * endpoint with a port can be fronted. While a TRAFFIC_RULE relocation steering of the instance is in force, its names
 * lead to the steering's target instead (whatever the endpoint).
 */
@ApplicationScoped
public class AppInstanceFronting {

    private static final Logger LOG = Logger.getLogger(AppInstanceFronting.class);

    private final ServiceCatalogue catalogue;
    private final ClientStateService clients;
    private final SteeringRepository steerings;

    public AppInstanceFronting(ServiceCatalogue catalogue, ClientStateService clients, SteeringRepository steerings) {
        this.catalogue = catalogue;
        this.clients = clients;
        this.steerings = steerings;
    }

    /**
     * (Re)fronts the instance as its provisioning now says; clients already forwarded to its old endpoint follow it
     * to the new one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(AppInstanceProvisioning p) {
        Map<String, Endpoint> before = new HashMap<>();
        catalogue.frontedFor(p.appInstanceId()).forEach(s -> before.put(s.serviceHost(), s.backend()));
        SteeringEntity steering = steerings.findById(p.appInstanceId());
        boolean steered = steering != null && steering.isTrafficRule();
        List<String> names = steered ? steering.domainNames()
                : p.endpoint() == null || p.endpoint().port() == null ? List.of() : hostNames(p);
        String backend = steered ? steering.targetAuthority() : names.isEmpty() ? null : p.endpoint().authority();
        catalogue.unfront(p.appInstanceId(), Set.copyOf(names));
        logSkipped(p);
        for (String name : names) {
            ServiceCatalogue.FrontedService now = catalogue.front(p.appInstanceId(), name, backend);
            Endpoint old = before.get(now.serviceHost());
            if (old != null && !old.equals(now.backend())) {
                clients.redirect(now.serviceHost(), old, now.backend());
            }
            LOG.infof("edge proxy fronts %s -> %s (app instance %s%s)", name, backend, p.appInstanceId(),
                    steered ? ", relocation steering" : "");
        }
    }

    /** The AppD DNS rule names of the instance that are host names, lower case without the trailing dot. */
    public static List<String> hostNames(AppInstanceProvisioning p) {
        return p.appDNSRule() == null ? List.of()
                : p.appDNSRule().stream().map(DNSRuleDescriptor::domainName).filter(Objects::nonNull)
                        .filter(ServiceCatalogue::isHostName).map(n -> n.toLowerCase(Locale.ROOT))
                        .map(n -> n.endsWith(".") ? n.substring(0, n.length() - 1) : n).distinct().toList();
    }

    private static void logSkipped(AppInstanceProvisioning p) {
        if (p.appDNSRule() == null) {
            return;
        }
        p.appDNSRule().stream().map(DNSRuleDescriptor::domainName).filter(n -> !ServiceCatalogue.isHostName(n))
                // a wildcard or otherwise non-host DNS rule name stays a DNS-only rule
                .forEach(n -> LOG.infof("DNS rule name %s of app instance %s is not a host name the proxy can front",
                        n, p.appInstanceId()));
    }
}
