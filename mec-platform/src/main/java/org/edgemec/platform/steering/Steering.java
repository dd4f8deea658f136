package org.edgemec.platform.steering;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/** A relocation steering in force on this host, as answered by the steering resource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Steering(String appInstanceId, SteeringStrategy strategy, SteeringTarget target,
                       List<String> domainNames, String relocationId, OffsetDateTime createdAt,
                       OffsetDateTime expiresAt) {
}
