package org.edgemec.platform.security;

import jakarta.enterprise.context.RequestScoped;

/** Who makes the current Mp1 request: the app instance of the bearer token (none when security is off). */
@RequestScoped
public class Caller {

    private String appInstanceId;

    void authenticate(String appInstanceId) {
        this.appInstanceId = appInstanceId;
    }

    /** The caller's app instance id, or null when security is disabled. */
    public String appInstanceId() {
        return appInstanceId;
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
