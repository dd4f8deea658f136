package org.edgemec.platform.proxy.api;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /edge_proxy/v1/handovers}; {@code sourceProxy} defaults to this platform's proxy. */
public record HandoverRequest(@NotBlank String clientId, String sourceProxy, @NotBlank String targetProxy) {
}
