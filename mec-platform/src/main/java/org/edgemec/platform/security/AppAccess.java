package org.edgemec.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.persistence.AppInstanceEntity;
import org.edgemec.platform.persistence.AppInstanceRepository;

/**
 * The check every Mp1 operation on /applications/{appInstanceId}/... starts with: own app (for a provider token, an
 * instance that provider registered), known app.
 */
@ApplicationScoped
public class AppAccess {

    private final Caller caller;
    private final AppInstanceRepository instances;

    public AppAccess(Caller caller, AppInstanceRepository instances) {
        this.caller = caller;
        this.instances = instances;
    }

    /** 404 for another app's resources and for an unknown app alike (the same answer: existence stays hidden). */
    public AppInstanceEntity require(String appInstanceId) {
        caller.requireOwner(appInstanceId);
        AppInstanceEntity instance = instances.findById(appInstanceId);
        if (instance == null || !actsFor(instance)) {
            throw notProvisioned(appInstanceId);
        }
        return instance;
    }

    /** A provider token acts for that provider's instances only, never for a MEC-instantiated one. */
    private boolean actsFor(AppInstanceEntity instance) {
        return caller.providerId() == null || caller.providerId().equals(instance.appProviderId);
    }

    static NotFoundException notProvisioned(String appInstanceId) {
        return new NotFoundException("app instance " + appInstanceId + " is not provisioned on this host");
    }

    public Caller caller() {
        return caller;
    }
}
