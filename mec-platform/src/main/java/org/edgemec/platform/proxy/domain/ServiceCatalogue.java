package org.edgemec.platform.proxy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.proxy.persistence.ProxyServiceEntity;
import org.edgemec.platform.proxy.persistence.ProxyServiceRepository;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The services the proxies of this platform front: origin host name -> backends per client requirement. */
@ApplicationScoped
@Transactional
public class ServiceCatalogue {

    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62})(\\.[a-z0-9]([a-z0-9-]{0,62}))*");

    private final ProxyServiceRepository services;
    private final Event<ServiceCatalogueChanged> changed;

    public ServiceCatalogue(ProxyServiceRepository services, Event<ServiceCatalogueChanged> changed) {
        this.services = services;
        this.changed = changed;
    }

    public record FrontedService(String serviceHost, Endpoint backend, Endpoint latencyBackend,
                                 Endpoint throughputBackend) {

        Endpoint backendFor(Requirements r) {
            if (r.latency() == Requirements.LatencyClass.LOW && latencyBackend != null) {
                return latencyBackend;
            }
            if (r.throughput() == Requirements.ThroughputClass.HIGH && throughputBackend != null) {
                return throughputBackend;
            }
            return backend;
        }
    }

    /** Fired after a service was added, changed or removed (the proxies then re-issue their certificates). */
    public record ServiceCatalogueChanged(String serviceHost) {
    }

    public FrontedService put(String serviceHost, String backend, String latencyBackend, String throughputBackend) {
        return put(serviceHost, backend, latencyBackend, throughputBackend, null);
    }

    /**
     * Fronts a provisioned app instance: its DNS names lead to its endpoint, until the instance is removed (the row
     * goes with it) or its endpoint changes (fronted again).
     */
    public FrontedService front(String appInstanceId, String serviceHost, String backend) {
        return put(serviceHost, backend, null, null, appInstanceId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FrontedService> frontedFor(String appInstanceId) {
        return services.list("appInstanceId", appInstanceId).stream().map(ServiceCatalogue::toService).toList();
    }

    /** Stops fronting what an app instance had fronted, but for the host names in {@code keep}. */
    public void unfront(String appInstanceId, java.util.Set<String> keep) {
        for (ProxyServiceEntity e : services.list("appInstanceId", appInstanceId)) {
            if (keep.contains(e.serviceHost)) {
                continue;
            }
            services.delete(e);
            changed.fire(new ServiceCatalogueChanged(e.serviceHost));
        }
    }

    private FrontedService put(String serviceHost, String backend, String latencyBackend, String throughputBackend,
            String appInstanceId) {
        String host = normalise(serviceHost);
        ProxyServiceEntity e = services.findByIdOptional(host).orElseGet(ProxyServiceEntity::new);
        e.serviceHost = host;
        e.appInstanceId = appInstanceId;
        e.backend = Endpoint.parse(backend, "backend").toString();
        e.latencyBackend = latencyBackend == null ? null : Endpoint.parse(latencyBackend, "latencyBackend").toString();
        e.throughputBackend = throughputBackend == null ? null
                : Endpoint.parse(throughputBackend, "throughputBackend").toString();
        e.updatedAt = OffsetDateTime.now();
        services.persist(e);
        changed.fire(new ServiceCatalogueChanged(host));
        return toService(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FrontedService get(String serviceHost) {
        return services.findByIdOptional(normalise(serviceHost)).map(ServiceCatalogue::toService)
                .orElseThrow(() -> new NotFoundException("no service with host name " + serviceHost));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FrontedService> list() {
        return services.listAll().stream().map(ServiceCatalogue::toService).toList();
    }

    public void remove(String serviceHost) {
        if (!services.deleteById(normalise(serviceHost))) {
            throw new NotFoundException("no service with host name " + serviceHost);
        }
        changed.fire(new ServiceCatalogueChanged(normalise(serviceHost)));
    }

    /** The forwarding rules of a client with requirements {@code r}: every service, to the backend that fits. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Endpoint> forwardingFor(Requirements r) {
        Map<String, Endpoint> rules = new LinkedHashMap<>();
        for (FrontedService s : list()) {
            rules.put(s.serviceHost(), s.backendFor(r));
        }
        return rules;
    }

    /** Whether {@code name} is a host name the proxy can front (checked before a call that would refuse it). */
    public static boolean isHostName(String name) {
        String host = Optional.ofNullable(name).orElse("").toLowerCase(Locale.ROOT);
        return HOST_NAME.matcher(host.endsWith(".") ? host.substring(0, host.length() - 1) : host).matches();
    }

    static String normalise(String serviceHost) {
        String host = Optional.ofNullable(serviceHost).orElse("").toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new InvalidFieldException("serviceHost", "must be a DNS host name, was '" + serviceHost + "'");
        }
        return host;
    }

    private static FrontedService toService(ProxyServiceEntity e) {
        return new FrontedService(e.serviceHost, Endpoint.parse(e.backend, "backend"),
                e.latencyBackend == null ? null : Endpoint.parse(e.latencyBackend, "latencyBackend"),
                e.throughputBackend == null ? null : Endpoint.parse(e.throughputBackend, "throughputBackend"));
    }
}
