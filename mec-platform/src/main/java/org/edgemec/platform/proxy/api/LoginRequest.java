package org.edgemec.platform.proxy.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /edge_proxy/v1/login}. Not an ETSI type: the edge proxy's own API (docs/edge-proxy.md).
 *
 * @param zone     the client's zone; the proxy of that zone is assigned
 * @param position the client's reported position; the nearest proxy is assigned when no zone matches
 * @param proxy    an explicit proxy name, overriding zone and position
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginRequest(String clientId, String secret, String zone, Position position, String proxy,
                           ClientRequirements requirements) {

    public record Position(Double latitude, Double longitude) {
    }

    /** {@code latency}: LOW or NORMAL; {@code throughput}: HIGH or NORMAL. */
    public record ClientRequirements(String latency, String throughput) {
    }
}
