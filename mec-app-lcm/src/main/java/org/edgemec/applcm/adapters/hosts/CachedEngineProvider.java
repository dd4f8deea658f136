package org.edgemec.applcm.adapters.hosts;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.edgemec.applcm.adapters.engine.DockerEngine;
import org.edgemec.applcm.adapters.engine.EngineSettings;
import org.edgemec.applcm.adapters.engine.EngineTls;
import org.edgemec.applcm.adapters.engine.PodmanEngine;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.host.EngineProvider;
import org.edgemec.applcm.domain.host.MecHost;

/**
 * One docker-java client (with its connection pool) per host, rebuilt when the host's endpoint changes. A
 * configuration host's client uses its {@code engine-tls} files when it has them.
 */
@ApplicationScoped
public class CachedEngineProvider implements EngineProvider {

    private final LcmConfig config;
    private final ConfiguredEngineTls tls;
    private final Map<String, ContainerEngine> engines = new ConcurrentHashMap<>();

    public CachedEngineProvider(LcmConfig config, ConfiguredEngineTls tls) {
        this.config = config;
        this.tls = tls;
    }

    @Override
    public ContainerEngine engineOf(MecHost host) {
        ContainerEngine cached = engines.get(host.name());
        if (cached != null && cached.endpoint().equals(host.engineEndpoint())) {
            return cached;
        }
        ContainerEngine created = create(host);
        ContainerEngine previous = engines.put(host.name(), created);
        if (previous != null) {
            previous.close();
        }
        return created;
    }

    @Override
    public void forget(String hostName) {
        ContainerEngine previous = engines.remove(hostName);
        if (previous != null) {
            previous.close();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        engines.values().forEach(ContainerEngine::close);
        engines.clear();
    }

    private ContainerEngine create(MecHost host) {
        String name = host.engineKind().name().toLowerCase() + " " + host.name();
        EngineTls hostTls = host.source() == MecHost.Source.CONFIG ? tls.of(host.name()).orElse(null) : null;
        EngineSettings settings = new EngineSettings(name, host.engineEndpoint(),
                config.engine().connectTimeout(), config.engine().responseTimeout(), hostTls);
        return host.engineKind() == MecHost.EngineKind.DOCKER ? new DockerEngine(settings) : new PodmanEngine(settings);
    }
}
