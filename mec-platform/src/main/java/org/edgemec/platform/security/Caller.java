package org.edgemec.platform.security;

import jakarta.enterprise.context.RequestScoped;
import org.edgemec.common.error.ForbiddenException;

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

    /** An app reads and changes only its own resources. */
    public void requireOwner(String ownerAppInstanceId) {
        if (appInstanceId != null && !appInstanceId.equals(ownerAppInstanceId)) {
            throw new ForbiddenException("app instance " + appInstanceId + " may not access resources of "
                    + ownerAppInstanceId);
        }
    }
}
