package org.edgemec.platform.proxy.dataplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.edgemec.platform.persistence.changes.TableChanges;
import org.edgemec.platform.proxy.config.ProxyConfig;
import org.edgemec.platform.proxy.domain.ClientState;
import org.edgemec.platform.proxy.domain.ClientStateService;
import org.edgemec.platform.proxy.domain.HandoverService;
import org.edgemec.platform.proxy.domain.LocalProxies;
import org.edgemec.platform.proxy.domain.LoginService;
import org.edgemec.platform.proxy.events.DeviceSightings;
import org.edgemec.platform.proxy.domain.ServiceCatalogue;
import org.edgemec.platform.proxy.session.SessionCookies;
import org.edgemec.platform.proxy.tls.PlatformCa;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds proxy instances on the Quarkus-managed Vert.x and gives their event-loop code the domain calls it needs
 * (each run on a worker thread by the caller, with a request context for the ORM session).
 */
@ApplicationScoped
public class ProxyRuntime {

    final Vertx vertx;
    final ProxyConfig config;
    final PlatformCa ca;
    final SessionCookies cookies;
    final ObjectMapper json;
    final HeldRequests held;
    final TransactionLog transactions;
    private final ClientStateService states;
    private final HandoverService handovers;
    private final LoginService logins;
    private final ServiceCatalogue catalogue;
    private final LocalProxies local;
    private final ActiveTrafficRules platformRules;
    private final DeviceSightings sightings;
    private final TableChanges changes;
    /** Reads and compiles the proxies' traffic rules (short reads, one at a time), off every event loop. */
    final ExecutorService ruleReader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "edge-proxy-rules");
        t.setDaemon(true);
        return t;
    });

    /** What {@link ActiveTrafficRules#inPriorityOrder()} reads: the rules and the host names they are scoped to. */
    private static final Set<String> RULE_TABLES = Set.of("traffic_rule", "proxy_service");

    public ProxyRuntime(Vertx vertx, ProxyConfig config, PlatformCa ca, SessionCookies cookies, ObjectMapper json,
                        ClientStateService states, HandoverService handovers, LoginService logins,
                        ServiceCatalogue catalogue, LocalProxies local, ActiveTrafficRules platformRules,
                        HeldRequests held, DeviceSightings sightings, TransactionLog transactions,
                        TableChanges changes) {
        this.vertx = vertx;
        this.config = config;
        this.ca = ca;
        this.cookies = cookies;
        this.json = json;
        this.states = states;
        this.handovers = handovers;
        this.logins = logins;
        this.catalogue = catalogue;
        this.local = local;
        this.platformRules = platformRules;
        this.held = held;
        this.sightings = sightings;
        this.transactions = transactions;
        this.changes = changes;
    }

    @PreDestroy
    void stopRuleReader() {
        ruleReader.shutdownNow();
    }

    /** Calls {@code onChange} (without blocking) after each committed change of the traffic rules' tables. */
    AutoCloseable watchRules(Runnable onChange) {
        return changes.watch(RULE_TABLES, onChange);
    }

    /** A client logged in from {@code clientAddress} and was assigned {@code session}'s proxy. */
    void deviceSeen(String clientAddress, LoginService.Session session, LoginService.Login login) {
        sightings.seen(clientAddress, session.proxy(), login.position());
    }

    /** A proxy enforcing the platform's Mp1 TrafficRules; not started. */
    public EdgeProxy create(ProxySettings settings) {
        return create(settings, platformRules);
    }

    /** A proxy enforcing {@code rules}; not started. */
    public EdgeProxy create(ProxySettings settings, ActiveTrafficRules rules) {
        return new EdgeProxy(settings, this, rules);
    }

    void register(EdgeProxy proxy) {
        local.register(proxy);
    }

    void unregister(EdgeProxy proxy) {
        local.unregister(proxy.name());
    }

    @ActivateRequestContext
    Optional<ClientState> findState(String proxyName, String clientId) {
        return states.find(proxyName, clientId);
    }

    @ActivateRequestContext
    void markArrived(ClientState state) {
        handovers.markArrived(state.proxyName(), state.clientId(), state.handoverId());
    }

    @ActivateRequestContext
    LoginService.Session login(LoginService.Login login, String via) {
        return logins.login(login, via);
    }

    @ActivateRequestContext
    void logout(String clientId, String proxyName) {
        logins.logout(clientId, proxyName);
    }

    @ActivateRequestContext
    List<String> serviceHosts() {
        return catalogue.list().stream().map(ServiceCatalogue.FrontedService::serviceHost).toList();
    }

    @ActivateRequestContext
    List<ActiveTrafficRules.Rule> rules(ActiveTrafficRules source) {
        return source.inPriorityOrder();
    }
}
