package org.edgemec.platform.proxy.domain;

/** The control API of a proxy hosted by another platform instance (adapters/HttpPeerControl). */
public interface PeerControl {

    void putState(ProxyRef proxy, ClientState state);

    void removeState(ProxyRef proxy, String clientId);
}
