package org.edgemec.applcm.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.host.EngineProvider;
import org.edgemec.applcm.domain.host.MecHost;
import org.edgemec.applcm.domain.host.MecHostService;

/**
 * Reports each host's engine as reachable or not, and stays UP either way: one edge host being down must not take
 * the LCM out of service, since package management, the other hosts and terminating apps on the down host (which
 * is then marked failed) still work. Operators read the per-host data; instantiation fails per request instead.
 */
@Readiness
@ApplicationScoped
public class MecHostsHealthCheck implements HealthCheck {

    private final MecHostService hosts;
    private final EngineProvider engines;

    public MecHostsHealthCheck(MecHostService hosts, EngineProvider engines) {
        this.hosts = hosts;
        this.engines = engines;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("mec-hosts").up();
        for (MecHost host : hosts.list()) {
            builder.withData(host.name(), probe(host));
        }
        return builder.build();
    }

    private String probe(MecHost host) {
        try {
            engines.engineOf(host).ping();
            return "engine reachable (" + host.engineKind() + ")";
        } catch (EngineException e) {
            return "engine unreachable: " + e.getMessage();
        }
    }
}
