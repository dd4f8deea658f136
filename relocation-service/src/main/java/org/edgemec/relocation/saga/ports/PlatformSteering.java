package org.edgemec.relocation.saga.ports;

import java.time.Duration;
import java.util.Optional;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.relocation.saga.Steering;

/**
 * The operator routes of a MEC host's mec-platform that steer an app instance's clients elsewhere
 * ({@code /mec_platform_mgmt/v1/app_instances/{id}/steering}) and retire its provisioning while the steering stays.
 */
public interface PlatformSteering {

    /** DNS or TRAFFIC_RULE: the platform's DNS answers / proxy forwards the instance's names to {@code target}. */
    void steer(String platformUrl, String appInstanceId, Steering strategy, AppEndpoint target, String relocationId,
               Duration expiresAfter);

    /** Back to what the instance's own provisioning says; nothing to do when no steering exists. */
    void unsteer(String platformUrl, String appInstanceId);

    /**
     * Deprovisions the instance but keeps its steering in force; nothing to do when it is not provisioned. With
     * {@code movedToPlatformUrl} the platform keeps serving the moved process, which still holds its Mp1 URL and
     * credentials (tokens, Mp1 calls redirected to that platform).
     */
    void retire(String platformUrl, String appInstanceId, String movedToPlatformUrl);

    /** The endpoint the platform was told for the instance, if it is provisioned there with one. */
    Optional<AppEndpoint> endpoint(String platformUrl, String appInstanceId);
}
