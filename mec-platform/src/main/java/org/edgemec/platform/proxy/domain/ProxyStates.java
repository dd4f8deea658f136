package org.edgemec.platform.proxy.domain;

import jakarta.enterprise.context.ApplicationScoped;

/** Installs and removes client state on any proxy of the installation, here or at a peer platform. */
@ApplicationScoped
public class ProxyStates {

    private final LocalProxies local;
    private final ClientStateService states;
    private final PeerControl peers;

    public ProxyStates(LocalProxies local, ClientStateService states, PeerControl peers) {
        this.local = local;
        this.states = states;
        this.peers = peers;
    }

    public void put(ProxyRef proxy, ClientState state) {
        if (proxy.local()) {
            // RFC 7838: an alternative must be authoritative for the origins it now serves
            local.find(proxy.name()).ifPresent(p -> p.ensureCertificateNames(state.forwarding().keySet()));
            states.put(state);
        } else {
            peers.putState(proxy, state);
        }
    }

    public void remove(ProxyRef proxy, String clientId) {
        if (proxy.local()) {
            states.remove(proxy.name(), clientId);
        } else {
            peers.removeState(proxy, clientId);
        }
    }
}
