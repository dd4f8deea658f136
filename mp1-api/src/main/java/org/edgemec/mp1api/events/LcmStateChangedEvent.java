package org.edgemec.mp1api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A state change in mec-app-lcm, published on the LCM topic: an LCM operation occurrence
 * ({@link #OP_OCC}: state = LcmOperationState) or an application instance ({@link #APP_INSTANCE}: state =
 * NOT_INSTANTIATED / STARTED / STOPPED). {@code hostName} is the MEC host the instance runs on, when known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LcmStateChangedEvent(@NotBlank String id, @NotNull OffsetDateTime time, @NotBlank String source,
        @NotBlank String type, @NotBlank String appInstanceId, String appLcmOpOccId, String operation,
        @NotBlank String state, String hostName, String detail) implements MecEvent {

    public static final String OP_OCC = "edgemec.lcm.op-occ.state-changed";
    public static final String APP_INSTANCE = "edgemec.lcm.app-instance.state-changed";

    public static LcmStateChangedEvent of(String source, String type, String appInstanceId, String opOccId,
            String operation, String state, String hostName, String detail) {
        return new LcmStateChangedEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), source,
                type, appInstanceId, opOccId, operation, state, hostName, detail);
    }
}
