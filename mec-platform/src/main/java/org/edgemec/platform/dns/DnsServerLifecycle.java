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
    private AutoCloseable preloadWatch;
    private volatile NonBlockingDnsRules answers;

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
        answers = nonBlocking();
        DnsServer candidate = new DnsServer(vertx, config.bind(), config.port(),
                new DnsPacketHandler(new DnsRuleAnswerer(answers, upstream)));
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

    /**
     * The rule source as the event loop may ask it: the database-backed one behind a cache of answers, preloaded with
     * every name now and after each change of its tables.
     */
    private NonBlockingDnsRules nonBlocking() {
        if (rules instanceof NonBlockingDnsRules memory) {
            return memory;
        }
        DnsAnswerCache cache = new DnsAnswerCache(new RequestScopedRules(), config.cacheSize(),
                () -> changes.generation(DnsAnswerCache.TABLES));
        DnsAnswerPreloader preloader = new DnsAnswerPreloader(vertx, cache);
        preloadWatch = changes.watch(java.util.Set.of(DnsAnswerCache.TABLES), preloader::request);
        preloader.request();
        return cache;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (preloadWatch != null) {
            try {
                preloadWatch.close();
            } catch (Exception e) {
                LOG.debugf("DNS preload watch not closed: %s", e.getMessage());
            }
        }
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

    /** What the server answers from (null while it is not started): for tests of what is held in memory. */
    NonBlockingDnsRules answers() {
        return answers;
    }

    /** Queries run on worker threads without a request scope; a rule source reading the database needs one. */
    private final class RequestScopedRules implements ActiveDnsRules {

        @Override
        public List<DnsRecord> find(String domainName) {
            return inRequestScope(() -> rules.find(domainName));
        }

        @Override
        public java.util.Map<String, List<DnsRecord>> findAll() {
            return inRequestScope(rules::findAll);
        }
    }

    private static <T> T inRequestScope(java.util.function.Supplier<T> call) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            return call.get();
        }
        requestContext.activate();
        try {
            return call.get();
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
