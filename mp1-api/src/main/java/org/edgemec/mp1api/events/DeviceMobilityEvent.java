package org.edgemec.mp1api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.edgemec.mp1api.mec021.AssociateId;

/**
 * Where a device (UE, by its MEC 012 associateId) is now, from whoever sees it: an edge proxy that served the client
 * in another zone, or an external location feed. Published on the mobility topic ({@code edgemec.mobility}); type
 * {@link #TYPE}. {@code zone} names a MEC zone (the zone of mec-app-lcm's hosts); {@code latitude}/{@code longitude}
 * give a position instead (WGS 84 degrees). relocation-service relocates the app instances whose AMS registration
 * serves the device to the device's zone (or the zone nearest to its position) when they run elsewhere.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceMobilityEvent(@NotBlank String id, @NotNull OffsetDateTime time, @NotBlank String source,
        @NotBlank String type, @NotNull @Valid AssociateId associateId, String zone, Double latitude,
        Double longitude) implements MecEvent {

    public static final String TYPE = "edgemec.mobility.device-located";

    public static DeviceMobilityEvent inZone(String source, AssociateId device, String zone) {
        return new DeviceMobilityEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), source, TYPE,
                device, zone, null, null);
    }

    public static DeviceMobilityEvent at(String source, AssociateId device, double latitude, double longitude) {
        return new DeviceMobilityEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), source, TYPE,
                device, null, latitude, longitude);
    }
}
