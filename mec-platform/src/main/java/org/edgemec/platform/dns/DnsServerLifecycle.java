package org.edgemec.platform.dns;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.edgemec.platform.persistence.changes.TableChanges;
import org.jboss.logging.Logger;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts the DNS server with the application when {@code edgemec.dns.enabled}, stops it on shutdown. */
@ApplicationScoped
public class DnsServerLifecycle {

    private static final Logger LOG = Logger.getLogger(DnsServerLifecycle.class);
    private static final long START_TIMEOUT_SECONDS = 10;

    private final DnsConfig config;
    private final ActiveDnsRules rules;
    private final Vertx vertx;
    private volatile DnsServer server;
    private volatile String failure;

    private final TableChanges changes;

    public DnsServerLifecycle(DnsConfig config, ActiveDnsRules rules, Vertx vertx, TableChanges changes) {
        this.config = config;
        this.rules = rules;
        this.vertx = vertx;
        this.changes = changes;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("DNS server disabled (edgemec.dns.enabled=false)");
            return;
        }
        UpstreamForwarder upstream = config.upstream()
                .map(u -> new UpstreamForwarder(UpstreamForwarder.parse(u), config.upstreamTimeout())).orElse(null);
        DnsServer candidate = new DnsServer(vertx, config.bind(), config.port(),
                new DnsPacketHandler(new DnsRuleAnswerer(nonBlocking(), upstream)));
        try {
            candidate.start().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server = candidate;
            LOG.infof("DNS server answers ACTIVE DnsRules; other names: %s",
                    upstream == null ? "NXDOMAIN" : "forwarded to " + upstream.address());
        } catch (Exception e) {
            // the application keeps serving Mp1; readiness reports the DNS listener as DOWN
            failure = "cannot listen on " + config.bind() + ":" + config.port() + ": " + rootMessage(e);
            LOG.error("DNS server not started: " + failure);
        }
    }

    /** The rule source as the event loop may ask it: the database-backed one behind a cache of answers. */
    private NonBlockingDnsRules nonBlocking() {
        if (rules instanceof NonBlockingDnsRules memory) {
            return memory;
        }
        return new DnsAnswerCache(this::findInRequestScope, config.cacheSize(),
                () -> changes.generation(DnsAnswerCache.TABLES));
    }

    void onStop(@Observes ShutdownEvent event) {
        DnsServer running = server;
        server = null;
        if (running != null) {
            try {
                running.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                LOG.info("DNS server stopped");
            } catch (Exception e) {
                LOG.warn("DNS server did not stop cleanly: " + rootMessage(e));
            }
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The listening address, null when not listening. */
    public InetSocketAddress address() {
        DnsServer running = server;
        return running != null && running.listening()
                ? InetSocketAddress.createUnresolved(running.host(), running.port()) : null;
    }

    /** Why the server does not listen, null when it does or is disabled. */
    public String failure() {
        return failure;
    }

    /** Queries run on worker threads without a request scope; a rule source reading the database needs one. */
    private List<ActiveDnsRules.DnsRecord> findInRequestScope(String name) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            return rules.find(name);
        }
        requestContext.activate();
        try {
            return rules.find(name);
        } finally {
            requestContext.terminate();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
