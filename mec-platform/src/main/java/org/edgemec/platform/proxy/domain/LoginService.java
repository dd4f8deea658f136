package org.edgemec.platform.proxy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.platform.proxy.config.ProxyConfig;
import org.edgemec.platform.proxy.session.SessionCookies;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Login and logout of clients (seed 000): authenticate, pick the nearest proxy, install the client's state there and
 * hand out the session cookie and the Alt-Svc naming that proxy.
 */
@ApplicationScoped
@Transactional
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);

    private final ProxyConfig config;
    private final ProxyDirectory directory;
    private final ProxyStates proxyStates;
    private final ClientStateService states;
    private final ServiceCatalogue catalogue;
    private final SessionCookies cookies;

    public LoginService(ProxyConfig config, ProxyDirectory directory, ProxyStates proxyStates,
                        ClientStateService states, ServiceCatalogue catalogue, SessionCookies cookies) {
        this.config = config;
        this.directory = directory;
        this.proxyStates = proxyStates;
        this.states = states;
        this.catalogue = catalogue;
        this.cookies = cookies;
    }

    public record Login(String clientId, String secret, Optional<String> zone,
                        Optional<LocalProxy.Position> position, Optional<String> proxy, Requirements requirements) {
    }

    public record Session(String clientId, String cookie, ProxyRef proxy, String altSvc, ClientState state) {
    }

    /** @param via the proxy that received the login (the fallback assignment) */
    public Session login(Login login, String via) {
        authenticate(login.clientId(), login.secret());
        ProxyRef fallback = directory.find(via).orElseThrow(() -> new IllegalStateException("unknown proxy " + via));
        ProxyRef assigned = login.proxy()
                .map(name -> directory.find(name).orElseThrow(
                        () -> new InvalidFieldException("proxy", "no proxy named '" + name + "'")))
                .orElseGet(() -> directory.nearest(login.zone(), login.position(), fallback));
        ClientState state = new ClientState(assigned.name(), login.clientId(), login.requirements(),
                catalogue.forwardingFor(login.requirements()), null, false, null, null);
        proxyStates.put(assigned, state);
        if (!assigned.name().equals(via)) {
            // the client leaves the login proxy for its assigned one: no stale copy stays behind
            states.remove(via, login.clientId());
        }
        LOG.infof("client %s logged in via %s, assigned proxy %s", login.clientId(), via, assigned.name());
        return new Session(login.clientId(), cookies.issue(login.clientId()), assigned,
                assigned.altSvc(config.altSvcMaxAge().toSeconds()), state);
    }

    /** Removes the client's state at {@code proxyName}; the caller answers {@code Alt-Svc: clear}. */
    public void logout(String clientId, String proxyName) {
        states.remove(proxyName, clientId);
        LOG.infof("client %s logged out at %s", clientId, proxyName);
    }

    private void authenticate(String clientId, String secret) {
        String expected = clientId == null ? null : config.clients().get(clientId);
        byte[] given = (secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8);
        if (expected == null | !MessageDigest.isEqual(given, (expected == null ? "\0" : expected)
                .getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedException("unknown client or wrong secret");
        }
    }
}
