package org.edgemec.platform.proxy.dataplane;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.edgemec.platform.proxy.config.ProxyConfig;
import org.edgemec.platform.proxy.domain.ClientStateService;
import org.edgemec.platform.proxy.domain.LocalProxies;
import org.edgemec.platform.proxy.domain.LocalProxy;
import org.edgemec.platform.proxy.domain.ServiceCatalogue;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Starts and stops the platform's own proxy and keeps the proxies' certificates and stale copies in order. */
@ApplicationScoped
public class EdgeProxyLauncher {

    private static final Logger LOG = Logger.getLogger(EdgeProxyLauncher.class);

    private final ProxyRuntime runtime;
    private final ProxyConfig config;
    private final LocalProxies local;
    private final ClientStateService states;
    private volatile EdgeProxy proxy;

    public EdgeProxyLauncher(ProxyRuntime runtime, ProxyConfig config, LocalProxies local, ClientStateService states) {
        this.runtime = runtime;
        this.config = config;
        this.local = local;
        this.states = states;
    }

    void onStart(@Observes StartupEvent start) throws Exception {
        if (!config.enabled()) {
            LOG.info("edge proxy disabled (edgemec.proxy.enabled=false)");
            return;
        }
        proxy = runtime.create(ProxySettings.from(config)).start()
                .toCompletionStage().toCompletableFuture().get(Duration.ofSeconds(30).toSeconds(),
                        java.util.concurrent.TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) throws Exception {
        if (proxy != null) {
            proxy.stop().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The platform's own proxy, when enabled and started. */
    public Optional<EdgeProxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    void onServiceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS)
                          ServiceCatalogue.ServiceCatalogueChanged change) {
        for (LocalProxy p : local.all()) {
            p.ensureCertificateNames(List.of(change.serviceHost()));
        }
    }

    @Scheduled(every = "${edgemec.proxy.purge-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpiredCopies() {
        int purged = states.purgeExpired();
        if (purged > 0) {
            LOG.infof("removed %d expired client state copies", purged);
        }
    }
}
