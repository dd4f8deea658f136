package org.edgemec.relocation.saga;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.mp1api.mec021.ContextTransferState;
import org.edgemec.mp1api.mec021.DeviceInformation;
import org.edgemec.mp1api.mec021.RegistrationInfo;
import org.edgemec.relocation.persistence.AppMobilityServiceRepository;

/** The devices an app instance registered with the AMS (MEC 021 RegistrationInfo.deviceInformation). */
@ApplicationScoped
public class RegisteredDevices {

    private final AppMobilityServiceRepository registrations;
    private final JsonColumn json;

    public RegisteredDevices(AppMobilityServiceRepository registrations, JsonColumn json) {
        this.registrations = registrations;
        this.json = json;
    }

    @Transactional
    public boolean registered(String appInstanceId) {
        return registrations.count("appInstanceId", appInstanceId) > 0;
    }

    @Transactional
    public List<DeviceInformation> of(String appInstanceId) {
        List<DeviceInformation> out = new ArrayList<>();
        registrations.list("appInstanceId", appInstanceId).forEach(e -> {
            RegistrationInfo r = json.read(e.body, RegistrationInfo.class);
            if (r.deviceInformation() != null) {
                r.deviceInformation().stream().filter(Objects::nonNull).forEach(out::add);
            }
        });
        return out;
    }

    /** The app instances whose registrations list the device. */
    @Transactional
    public List<String> instancesServing(AssociateId device) {
        List<String> out = new ArrayList<>();
        registrations.listAll().forEach(e -> {
            RegistrationInfo r = json.read(e.body, RegistrationInfo.class);
            if (e.appInstanceId != null && !out.contains(e.appInstanceId) && r.deviceInformation() != null
                    && r.deviceInformation().stream().anyMatch(d -> d != null && device.equals(d.associateId()))) {
                out.add(e.appInstanceId);
            }
        });
        return out;
    }

    public List<AssociateId> associateIds(String appInstanceId) {
        return of(appInstanceId).stream().map(DeviceInformation::associateId).distinct().toList();
    }

    /** How many of {@code devices} (all registered ones when empty) reported their user context transferred. */
    public int[] transferred(String appInstanceId, List<AssociateId> devices) {
        List<DeviceInformation> all = of(appInstanceId).stream()
                .filter(d -> devices.isEmpty() || devices.contains(d.associateId())).toList();
        int done = (int) all.stream()
                .filter(d -> d.contextTransferState() == ContextTransferState.USER_CONTEXT_TRANSFER_COMPLETED).count();
        return new int[] {done, all.size()};
    }
}
