package org.edgemec.applcm.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<GrantEntity, String> {

    public List<GrantEntity> activeOn(String hostName) {
        return list("hostName = ?1 and active = true", hostName);
    }

    public List<GrantEntity> activeFor(String appInstanceId) {
        return list("appInstanceId = ?1 and active = true", appInstanceId);
    }
}
