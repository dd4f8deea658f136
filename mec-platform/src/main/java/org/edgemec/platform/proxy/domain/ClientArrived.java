package org.edgemec.platform.proxy.domain;

/** A handed-over client's first request reached {@code proxyName}; published on Kafka after commit. */
public record ClientArrived(String clientId, String proxyName, String handoverId) {
}
