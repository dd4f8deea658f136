package org.edgemec.platform.proxy.domain;

/**
 * A handed-over client's first request reached {@code proxyName}; fired inside the transaction of that change, where
 * the events outbox records it for Kafka.
 */
public record ClientArrived(String clientId, String proxyName, String handoverId) {
}
