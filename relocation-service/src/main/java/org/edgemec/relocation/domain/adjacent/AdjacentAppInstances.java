package org.edgemec.relocation.domain.adjacent;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.mp1api.common.Addresses;
import org.edgemec.mp1api.common.CommunicationInterface;
import org.edgemec.mp1api.common.MecHostInformation;
import org.edgemec.mp1api.mec021.AdjacentAppInstanceInfo;
import org.edgemec.mp1api.mec021.RegistrationInfo;
import org.edgemec.mp1api.mec021.ServiceConsumerId;
import org.edgemec.relocation.domain.AmsRegistrationService;

/**
 * MEC 021 adjacent application instances: the instances of an application (same {@code appDId}) on the MEC hosts,
 * with their host and communication interface. For a requesting app instance, its own entry is left out and only
 * instances of its AppD are listed (its "adjacent" ones).
 */
@ApplicationScoped
public class AdjacentAppInstances {

    private final AppInstanceDirectory directory;
    private final AmsRegistrationService registrations;

    public AdjacentAppInstances(AppInstanceDirectory directory, AmsRegistrationService registrations) {
        this.directory = directory;
        this.registrations = registrations;
    }

    /** Every instantiated app instance (the operator's view). */
    public List<AdjacentAppInstanceInfo> all() {
        return describe(directory.instantiated());
    }

    /** The instances of the requester's AppD on the MEC hosts, without the requester itself. */
    public List<AdjacentAppInstanceInfo> adjacentTo(String appInstanceId) {
        List<PlacedAppInstance> placed = directory.instantiated();
        PlacedAppInstance self = placed.stream().filter(p -> p.appInstanceId().equals(appInstanceId)).findFirst()
                .orElseThrow(() -> new NotFoundException("app instance " + appInstanceId + " is not instantiated"));
        return describe(placed.stream().filter(p -> Objects.equals(p.appDId(), self.appDId()))
                .filter(p -> !p.appInstanceId().equals(appInstanceId)).toList());
    }

    private List<AdjacentAppInstanceInfo> describe(List<PlacedAppInstance> placed) {
        Set<String> registered = registrations.list().stream().map(RegistrationInfo::serviceConsumerId)
                .filter(Objects::nonNull).map(ServiceConsumerId::appInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return placed.stream().map(p -> new AdjacentAppInstanceInfo(p.appInstanceId(), p.appDId(),
                List.of(new CommunicationInterface(p.endpoint().filter(e -> e.port() != null)
                        .map(e -> List.of(new Addresses(e.host(), e.port()))).orElse(List.of()))),
                p.hostName() == null ? null : new MecHostInformation(p.hostName(), Map.of("name", p.hostName())),
                registered.contains(p.appInstanceId()) ? p.appInstanceId() : null)).toList();
    }
}
