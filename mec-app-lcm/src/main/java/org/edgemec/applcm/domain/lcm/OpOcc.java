package org.edgemec.applcm.domain.lcm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.mec0102.lcm.LcmOperationState;

/** An LCM operation occurrence; {@code steps} is the JSON record of what ran, {@code error} why it failed. */
public record OpOcc(String id, String appInstanceId, LcmOperation operation, LcmOperationState state,
        OffsetDateTime stateEnteredTime, OffsetDateTime startTime, String paramsJson, boolean cancelPending,
        String cancelMode, ProblemDetails error, JsonNode steps) {
}
