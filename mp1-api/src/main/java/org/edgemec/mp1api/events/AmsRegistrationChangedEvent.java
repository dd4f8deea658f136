package org.edgemec.mp1api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.edgemec.mp1api.mec021.RegistrationInfo;

/**
 * A change of an application mobility service registration (MEC 021 RegistrationInfo) in relocation-service,
 * published on the AMS topic: {@link #REGISTERED}, {@link #UPDATED} or {@link #DEREGISTERED}. {@code registration}
 * is the registration after the change (for a deregistration: as it was last stored); {@code cause} says what
 * removed a registration ({@link #CAUSE_DELETE}, {@link #CAUSE_DEREGISTER_TASK} or {@link #CAUSE_EXPIRED}) and is absent otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmsRegistrationChangedEvent(@NotBlank String id, @NotNull OffsetDateTime time, @NotBlank String source,
        @NotBlank String type, @NotBlank String appMobilityServiceId, String appInstanceId, String mepId,
        String cause, @NotNull RegistrationInfo registration) implements MecEvent {

    public static final String REGISTERED = "edgemec.ams.registration.created";
    public static final String UPDATED = "edgemec.ams.registration.updated";
    public static final String DEREGISTERED = "edgemec.ams.registration.deleted";

    /** DELETE of the individual application mobility service. */
    public static final String CAUSE_DELETE = "DELETE";
    /** POST .../deregister_task: deregistration on expiry of the service's timer. */
    public static final String CAUSE_DEREGISTER_TASK = "DEREGISTER_TASK";
    /** The AMS removed it when its expiryTime had passed without an update. */
    public static final String CAUSE_EXPIRED = "EXPIRED";

    public static AmsRegistrationChangedEvent of(String source, String type, String cause,
            RegistrationInfo registration) {
        return new AmsRegistrationChangedEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC),
                source, type, registration.appMobilityServiceId(), registration.serviceConsumerId().appInstanceId(),
                registration.serviceConsumerId().mepId(), cause, registration);
    }
}
