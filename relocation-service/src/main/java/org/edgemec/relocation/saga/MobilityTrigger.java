package org.edgemec.relocation.saga;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.edgemec.common.error.MecException;
import org.edgemec.mp1api.events.DeviceMobilityEvent;
import org.edgemec.relocation.api.RelocationRequest;
import org.edgemec.relocation.saga.ports.MecSystem;
import org.jboss.logging.Logger;

/**
 * Turns a device's new location into relocations: every app instance whose AMS registration serves the device and
 * that runs outside the device's zone (or the zone nearest to its position) is relocated there (placement NEAREST,
 * the configured steering and state transfer). The Idempotency-Key is made of the event id and the instance, so a
 * redelivered event starts nothing new.
 */
@ApplicationScoped
public class MobilityTrigger {

    private static final Logger LOG = Logger.getLogger(MobilityTrigger.class);

    private final RegisteredDevices devices;
    private final MecSystem system;
    private final RelocationService relocations;

    public MobilityTrigger(RegisteredDevices devices, MecSystem system, RelocationService relocations) {
        this.devices = devices;
        this.system = system;
        this.relocations = relocations;
    }

    /** Returns the relocations it started (or found started for this event). */
    public List<String> onDeviceLocated(DeviceMobilityEvent event) {
        if (event.zone() == null && (event.latitude() == null || event.longitude() == null)) {
            LOG.warnf("mobility event %s names neither a zone nor a position; ignored", event.id());
            return List.of();
        }
        List<String> serving = devices.instancesServing(event.associateId());
        if (serving.isEmpty()) {
            return List.of();
        }
        Map<String, String> zoneOf = system.hosts().stream().filter(h -> h.zone() != null)
                .collect(Collectors.toMap(MecSystem.Host::name, MecSystem.Host::zone, (a, b) -> a));
        RelocationRequest.Placement placement = new RelocationRequest.Placement(RelocationRequest.Policy.NEAREST,
                event.zone(), event.zone() != null ? null
                        : new RelocationRequest.Position(event.latitude(), event.longitude()));
        return serving.stream().map(id -> relocate(event, id, zoneOf, placement)).flatMap(Optional::stream).toList();
    }

    private Optional<String> relocate(DeviceMobilityEvent event, String appInstanceId, Map<String, String> zoneOf,
                                      RelocationRequest.Placement placement) {
        Optional<MecSystem.Instance> inst = system.instance(appInstanceId);
        if (inst.isEmpty() || inst.get().host() == null) {
            return Optional.empty();
        }
        String zone = zoneOf.get(inst.get().host());
        if (event.zone() != null && event.zone().equals(zone)) {
            LOG.debugf("device %s in zone %s: %s already runs there", event.associateId().value(), zone, appInstanceId);
            return Optional.empty();
        }
        try {
            RelocationService.Accepted a = relocations.create(new RelocationRequest(appInstanceId, null, placement,
                    null, null, List.of(event.associateId())), "mobility-" + event.id() + "-" + appInstanceId);
            LOG.infof("device %s located in %s: relocation %s of %s (on %s)", event.associateId().value(),
                    event.zone() != null ? "zone " + event.zone() : event.latitude() + "," + event.longitude(),
                    a.snapshot().relocation().relocationId, appInstanceId, inst.get().host());
            return Optional.of(a.snapshot().relocation().relocationId);
        } catch (MecException e) {
            // another relocation of the instance runs, or the request is refused: the event changes nothing
            LOG.infof("device %s located: %s not relocated: %s", event.associateId().value(), appInstanceId,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
