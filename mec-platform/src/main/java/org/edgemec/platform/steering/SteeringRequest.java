package org.edgemec.platform.steering;

/**
 * Body of {@code PUT /mec_platform_mgmt/v1/app_instances/{appInstanceId}/steering}.
 *
 * @param ttl          TTL in seconds of the DNS answers; absent: the TTL of the instance's rule for each name
 * @param expiresAfter ISO-8601 duration after which the steering is removed; absent: until DELETE
 */
public record SteeringRequest(SteeringStrategy strategy, SteeringTarget target, String relocationId, Long ttl,
                              String expiresAfter) {
}
