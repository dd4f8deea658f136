package org.edgemec.platform.proxy.domain;

/** Fired when a client's state at a proxy changed; observed after commit to drop cached copies. */
public record ClientStateChanged(String proxyName, String clientId) {
}
