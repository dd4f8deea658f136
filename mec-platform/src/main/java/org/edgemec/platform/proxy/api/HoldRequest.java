package org.edgemec.platform.proxy.api;

import java.util.List;

/**
 * Body of {@code PUT /edge_proxy/v1/holds/{holdId}}.
 *
 * @param serviceHosts the service host names whose requests wait
 * @param maxWait      ISO-8601 duration a request waits at most (default PT10S, at most PT5M)
 * @param maxRequests  requests that may wait at a time (default 200); more get 503 at once
 */
public record HoldRequest(List<String> serviceHosts, String maxWait, Integer maxRequests) {
}
