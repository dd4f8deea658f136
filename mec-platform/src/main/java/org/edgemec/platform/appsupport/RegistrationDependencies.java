package org.edgemec.platform.appsupport;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.FeatureDependency;
import org.edgemec.mp1api.common.ServiceDependency;
import org.edgemec.mp1api.mec011.appsupport.AppInfo;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceInfo;
import org.edgemec.platform.persistence.ServiceEntity;
import org.edgemec.platform.persistence.ServiceRepository;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an AppInfo requires must exist on this host, or the app could never run here: a registration that says
 * otherwise is refused (400 naming the field) instead of stored as if it could be satisfied. Optional services and
 * features are not checked (the app runs without them).
 * <p>
 * A required service (MEC 011 / MEC 010-2 ServiceDependency) is known when a service of that {@code serName} is
 * registered on this host (by any app, in any state: an INACTIVE one may become ACTIVE, and the app can subscribe to
 * its availability), with that {@code version}, and, when the dependency gives {@code serCategory}, with that category
 * id.
 * <p>
 * A required feature (FeatureDependency) is known when it is one of {@link #FEATURES}, the platform features this
 * implementation offers, at a version listed there. The ETSI files name features only by example ("UserApps,
 * UEIdentity, etc.", MEC 016 and MEC 014 APIs, which this platform does not serve), so the catalogue names the
 * capabilities this platform does serve to its apps.
 */
@ApplicationScoped
public class RegistrationDependencies {

    /** featureName -> the versions offered. */
    static final Map<String, Set<String>> FEATURES = Map.of(
            "AppSupport", Set.of("3.1.1"),      // MEC 011 application support (registrations, rules, timing)
            "ServiceMgmt", Set.of("3.1.1"),     // MEC 011 service management
            "TrafficRules", Set.of("3.1.1"),    // MEC 011 TrafficRules enforced by the host's edge proxy
            "DnsRules", Set.of("3.1.1"),        // MEC 011 DnsRules answered by the host's DNS server
            "Timing", Set.of("3.1.1"),          // MEC 011 current_time / timing_caps
            "EdgeProxy", Set.of("1.0"));        // this platform's HTTP edge proxy with Alt-Svc handover

    private final ServiceRepository services;
    private final JsonColumn json;

    public RegistrationDependencies(ServiceRepository services, JsonColumn json) {
        this.services = services;
        this.json = json;
    }

    public void check(AppInfo info) {
        List<ServiceDependency> required = info.appServiceRequired() == null ? List.of() : info.appServiceRequired();
        for (int i = 0; i < required.size(); i++) {
            service("appServiceRequired[" + i + "]", required.get(i));
        }
        List<FeatureDependency> features = info.appFeatureRequired() == null ? List.of() : info.appFeatureRequired();
        for (int i = 0; i < features.size(); i++) {
            feature("appFeatureRequired[" + i + "]", features.get(i));
        }
    }

    private void service(String field, ServiceDependency d) {
        List<ServiceInfo> named = services.list("serName", d.serName()).stream()
                .map((ServiceEntity e) -> json.read(e.body, ServiceInfo.class)).toList();
        if (named.isEmpty()) {
            throw new InvalidFieldException(field + ".serName", "no service '" + d.serName()
                    + "' is registered on this host");
        }
        List<ServiceInfo> versioned = named.stream().filter(s -> Objects.equals(s.version(), d.version())).toList();
        if (versioned.isEmpty()) {
            throw new InvalidFieldException(field + ".version", "service '" + d.serName() + "' is registered on this"
                    + " host in version(s) " + named.stream().map(ServiceInfo::version).distinct().sorted().toList()
                    + ", not " + d.version());
        }
        if (d.serCategory() != null && versioned.stream().noneMatch(s -> s.serCategory() != null
                && Objects.equals(s.serCategory().id(), d.serCategory().id()))) {
            throw new InvalidFieldException(field + ".serCategory", "service '" + d.serName() + "' version "
                    + d.version() + " is not registered on this host in category " + d.serCategory().id());
        }
    }

    private static void feature(String field, FeatureDependency f) {
        Set<String> versions = FEATURES.get(f.featureName());
        if (versions == null) {
            throw new InvalidFieldException(field + ".featureName", "feature '" + f.featureName()
                    + "' is not offered by this platform (it offers " + new java.util.TreeSet<>(FEATURES.keySet())
                    + ")");
        }
        if (!versions.contains(f.version())) {
            throw new InvalidFieldException(field + ".version", "feature '" + f.featureName() + "' is offered in "
                    + "version(s) " + new java.util.TreeSet<>(versions) + ", not " + f.version());
        }
    }
}
