package org.edgemec.relocation.domain.adjacent;

import java.util.Optional;
import org.edgemec.mp1api.provisioning.AppEndpoint;

/** An instantiated app instance as the MEC system knows it: its AppD, its MEC host, where it serves. */
public record PlacedAppInstance(String appInstanceId, String appDId, String hostName,
        Optional<AppEndpoint> endpoint) {
}
