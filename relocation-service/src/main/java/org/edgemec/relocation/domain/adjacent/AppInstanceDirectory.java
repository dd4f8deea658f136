package org.edgemec.relocation.domain.adjacent;

import java.util.List;

/**
 * Where the AMS learns which app instances run where: mec-app-lcm (instances and hosts) and each host's platform
 * (endpoints). Throws {@link org.edgemec.common.error.ServiceUnavailableException} when the LCM cannot be asked.
 */
public interface AppInstanceDirectory {

    /** Every instantiated app instance, with its host and (when its platform answers) its endpoint. */
    List<PlacedAppInstance> instantiated();
}
