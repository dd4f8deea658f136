package org.edgemec.relocation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
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

    /** Registrations whose expiryTime has passed; locked, skipping those another replica holds. */
    @SuppressWarnings("unchecked")
    public List<AppMobilityServiceEntity> claimExpired(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM {h-schema}app_mobility_service WHERE expires_at "
                        + "IS NOT NULL AND expires_at <= ?1 ORDER BY expires_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                        AppMobilityServiceEntity.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }
}
