package org.edgemec.platform.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who makes the current Mp1 request: the app instance of an app instance token, or the app provider of a provider
 * token (acting for the instances it registered); neither when security is off.
 */
@RequestScoped
public class Caller {

    private String appInstanceId;
    private String providerId;

    void authenticate(String appInstanceId) {
        this.appInstanceId = appInstanceId;
    }

    void authenticateProvider(String providerId) {
        this.providerId = providerId;
    }

    /** The caller's app instance id; null for a provider token and when security is disabled. */
    public String appInstanceId() {
        return appInstanceId;
    }

    /** The caller's app provider id when it presented a provider token, else null. */
    public String providerId() {
        return providerId;
    }

    /**
     * An app reads and changes only its own resources. Another app's resources answer 404 with the words of an
     * unknown app instance, as MEC 011 asks: the answer does not tell whether the other app exists.
     */
    public void requireOwner(String ownerAppInstanceId) {
        if (appInstanceId != null && !appInstanceId.equals(ownerAppInstanceId)) {
            throw AppAccess.notProvisioned(ownerAppInstanceId);
        }
    }
}
