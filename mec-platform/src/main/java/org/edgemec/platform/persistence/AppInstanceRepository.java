package org.edgemec.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class AppInstanceRepository implements PanacheRepositoryBase<AppInstanceEntity, String> {

    /**
     * The instance when the LCM provisioned it here, else null: an instance an app provider registered has no
     * provisioning, rules, endpoint or steering, so the provisioning API does not know it.
     */
    public AppInstanceEntity findProvisioned(String appInstanceId) {
        AppInstanceEntity instance = findById(appInstanceId);
        return instance != null && instance.insByMec ? instance : null;
    }

    public AppInstanceEntity findProvisioned(String appInstanceId, LockModeType lock) {
        AppInstanceEntity instance = findById(appInstanceId, lock);
        return instance != null && instance.insByMec ? instance : null;
    }

    public List<AppInstanceEntity> listProvisioned() {
        return list("insByMec = true order by appInstanceId");
    }

    public List<AppInstanceEntity> listOfProvider(String providerId) {
        return list("appProviderId = ?1 order by appInstanceId", providerId);
    }
}
