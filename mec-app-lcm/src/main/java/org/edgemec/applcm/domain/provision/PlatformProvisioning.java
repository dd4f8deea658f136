package org.edgemec.applcm.domain.provision;

import java.net.URI;

/** The mec-platform of a host, as the LCM (MEPM role) configures it for an app instance. */
public interface PlatformProvisioning {

    /** Provisions the app instance; an existing provisioning of the same id (409) counts as done. */
    void provision(URI platformUrl, AppInstanceProvisioning request);

    /** Removes it; an unknown id (404) counts as done. */
    void deprovision(URI platformUrl, String appInstanceId, boolean graceful);
}
