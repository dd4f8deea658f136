package org.edgemec.applcm.domain.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec0102.lcm.AppLcmOpOccNotification;
import org.edgemec.mp1api.mec0102.lcm.LcmOperationState;

/**
 * MEC 010-2 AppLcmOpOccNotification as sent: the same fields as mp1-api's record, with {@code operationType} a string
 * so that CONFIGURE_PLATFORM_FOR_APP op occs are announced too (mp1-api's type knows only MEC 010-2's three values).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpOccNotification(String id, String notificationType, String operationType,
        LcmOperationState operationState, String subscriptionId, TimeStamp timeStamp, String appLcmOpOccId,
        String appInstanceId, @JsonProperty("_links") AppLcmOpOccNotification.Links links) {
}
