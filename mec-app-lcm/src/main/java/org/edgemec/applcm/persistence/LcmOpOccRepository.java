package org.edgemec.applcm.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class LcmOpOccRepository implements PanacheRepositoryBase<LcmOpOccEntity, String> {

    /** Operations not yet COMPLETED or FAILED block further operations on the instance. */
    public boolean hasOpenOperation(String appInstanceId) {
        return count("appInstanceId = ?1 and operationState in ('STARTING', 'PROCESSING', 'FAILED_TEMP')",
                appInstanceId) > 0;
    }

    /**
     * Op occs left STARTING or PROCESSING whose claim ran out (or that never had one), locked with
     * {@code FOR UPDATE SKIP LOCKED} so a row another replica is handling right now is skipped, not waited for.
     */
    @SuppressWarnings("unchecked")
    public List<LcmOpOccEntity> lockAbandoned(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM {h-schema}lcm_op_occ "
                        + "WHERE operation_state IN ('STARTING', 'PROCESSING') AND (lease_until IS NULL OR lease_until < ?1) "
                        + "ORDER BY start_time LIMIT ?2 FOR UPDATE SKIP LOCKED", LcmOpOccEntity.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }
}
