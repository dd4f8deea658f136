package org.edgemec.applcm.domain.provision;

import java.net.URI;
import java.util.Optional;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.mp1api.provisioning.AppInstanceCredentials;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.mp1api.provisioning.CredentialHandoff;

/**
 * The mec-platform of a host, as the LCM (MEPM role) configures it for an app instance. Every method throws
 * {@link ProvisioningFailedException} with the platform's answer when it refuses or cannot be reached.
 */
public interface PlatformProvisioning {

    /**
     * Provisions the app instance and returns its fresh client credentials. A provisioning of the same id left by an
     * earlier attempt is replaced (credentials are only ever handed out once, so the old ones cannot be reused).
     */
    AppInstanceCredentials provision(URI platformUrl, AppInstanceProvisioning request);

    /** The instance's provisioning as the platform keeps it (rules, services, endpoint); empty when it has none. */
    Optional<AppInstanceProvisioning> provisioning(URI platformUrl, String appInstanceId);

    /** Tells the platform where the instance serves now. */
    void updateEndpoint(URI platformUrl, String appInstanceId, AppEndpoint endpoint);

    /** Removes it; an unknown id (404) counts as done. */
    void deprovision(URI platformUrl, String appInstanceId, boolean graceful);

    /**
     * Removes it from the host it was relocated away from, leaving there a record that serves the process on (its
     * tokens, and a redirect of its Mp1 calls to {@code movedTo}, the platform of its new host).
     */
    void deprovisionMoved(URI platformUrl, String appInstanceId, URI movedTo);

    /** The instance's Mp1 identity, to be adopted on the host it moves to; empty when the platform has none. */
    Optional<CredentialHandoff> credentialHandoff(URI platformUrl, String appInstanceId);
}
