package org.edgemec.applcm.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec0102.lcm.AppLcmOpOcc;
import org.edgemec.mp1api.mec0102.lcm.CancelMode;
import org.edgemec.mp1api.mec0102.lcm.LcmOperationState;

/**
 * MEC 010-2 AppLcmOpOcc as served. mp1-api's record types {@code lcmOperation} with MEC 010-2's three values and
 * {@code operationParams} as InstantiateAppRequest (a generator artefact); this one carries CONFIGURE_PLATFORM_FOR_APP
 * too, and the parameters of every operation in the request type of that operation, as the spec's text says.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LcmOpOccInfo(String id, LcmOperationState operationState, TimeStamp stateEnteredTime,
        TimeStamp startTime, String lcmOperation, JsonNode operationParams, Boolean isCancelPending,
        CancelMode cancelMode, @JsonProperty("_links") AppLcmOpOcc.Links links) {
}
