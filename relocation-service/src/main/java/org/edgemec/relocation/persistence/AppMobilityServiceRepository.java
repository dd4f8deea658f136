package org.edgemec.relocation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

@ApplicationScoped
public class AppMobilityServiceRepository implements PanacheRepositoryBase<AppMobilityServiceEntity, String> {

    /** In registration order, so that a list is stable between calls. */
    public List<AppMobilityServiceEntity> listInRegistrationOrder() {
        return listAll(Sort.by("registeredAt").and("appMobilityServiceId"));
    }

    /** Locks the row until the transaction ends: a PUT's If-Match check and its write see the same version. */
    public AppMobilityServiceEntity findForUpdate(String appMobilityServiceId) {
        return findById(appMobilityServiceId, LockModeType.PESSIMISTIC_WRITE);
    }
}
