package org.edgemec.mp1api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.mp1api.mec021.ContextTransferState;
import org.edgemec.mp1api.mec021.DeviceInformation;
import org.edgemec.mp1api.mec021.RegistrationInfo;

/**
 * The devices (UEs, by their MEC 012 associateId) an application instance serves changed in its MEC 021
 * registration: {@code attached} appeared, {@code detached} disappeared (also every device when the registration
 * ends), {@code contextTransferred} reported contextTransferState USER_CONTEXT_TRANSFER_COMPLETED since the last
 * version. Published on the AMS topic next to {@link AmsRegistrationChangedEvent}, only when one of the lists is not
 * empty, keyed by appMobilityServiceId. A device that appears at an instance on another host is how a client's move
 * shows up in the AMS.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmsDeviceAttachmentChangedEvent(@NotBlank String id, @NotNull OffsetDateTime time, @NotBlank String source,
        @NotBlank String type, @NotBlank String appMobilityServiceId, String appInstanceId,
        @NotNull List<AssociateId> attached, @NotNull List<AssociateId> detached,
        @NotNull List<AssociateId> contextTransferred) implements MecEvent {

    public static final String TYPE = "edgemec.ams.devices.changed";

    /** The change from {@code before} (null: a new registration) to {@code after} (null: the registration ended). */
    public static Optional<AmsDeviceAttachmentChangedEvent> between(String source, RegistrationInfo before,
            RegistrationInfo after) {
        Map<AssociateId, DeviceInformation> was = devices(before);
        Map<AssociateId, DeviceInformation> now = devices(after);
        List<AssociateId> attached = new ArrayList<>();
        List<AssociateId> transferred = new ArrayList<>();
        now.forEach((id, device) -> {
            DeviceInformation old = was.get(id);
            if (old == null) {
                attached.add(id);
            }
            if (completed(device) && (old == null || !completed(old))) {
                transferred.add(id);
            }
        });
        List<AssociateId> detached = was.keySet().stream().filter(id -> !now.containsKey(id)).toList();
        if (attached.isEmpty() && detached.isEmpty() && transferred.isEmpty()) {
            return Optional.empty();
        }
        RegistrationInfo any = after != null ? after : before;
        return Optional.of(new AmsDeviceAttachmentChangedEvent(UUID.randomUUID().toString(),
                OffsetDateTime.now(ZoneOffset.UTC), source, TYPE, any.appMobilityServiceId(),
                any.serviceConsumerId().appInstanceId(), List.copyOf(attached), List.copyOf(detached),
                List.copyOf(transferred)));
    }

    private static boolean completed(DeviceInformation d) {
        return d.contextTransferState() == ContextTransferState.USER_CONTEXT_TRANSFER_COMPLETED;
    }

    private static Map<AssociateId, DeviceInformation> devices(RegistrationInfo r) {
        Map<AssociateId, DeviceInformation> out = new LinkedHashMap<>();
        if (r != null && r.deviceInformation() != null) {
            r.deviceInformation().stream().filter(Objects::nonNull).forEach(d -> out.putIfAbsent(d.associateId(), d));
        }
        return out;
    }
}
