package org.edgemec.applcm.domain.lcm;

import org.edgemec.mp1api.mec0102.lcm.InstantiationState;
import org.edgemec.mp1api.mec0102.lcm.OperationalState;

/** An application instance as the domain hands it out; host and container are set while INSTANTIATED. */
public record AppInstance(String id, String name, String description, String appDId, String appPkgId,
        String appProvider, String appName, String appSoftVersion, String appDVersion, String placementMepId,
        InstantiationState instantiationState, OperationalState operationalState, String hostName,
        String containerId, String containerName) {
}
