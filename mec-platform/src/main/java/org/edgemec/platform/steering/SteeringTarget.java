package org.edgemec.platform.steering;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where steered clients go: an address literal for DNS; a host (address or name) and port for TRAFFIC_RULE. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SteeringTarget(String host, Integer port) {
}
