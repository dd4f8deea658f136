package org.edgemec.relocation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RelocationRepository implements PanacheRepositoryBase<RelocationEntity, String> {

    public static final List<String> ACTIVE = List.of("PENDING", "RUNNING", "COMPENSATING");

    public Optional<RelocationEntity> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    public Optional<RelocationEntity> activeFor(String appInstanceId) {
        return find("appInstanceId = ?1 and state in ?2", appInstanceId, ACTIVE).firstResultOptional();
    }

    public RelocationEntity findForUpdate(String relocationId) {
        return findById(relocationId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The next relocation that is due and that no live worker holds, locked; rows another replica is claiming are
     * skipped, so two workers never run one relocation's step at the same time.
     */
    @SuppressWarnings("unchecked")
    public Optional<RelocationEntity> claimDue(OffsetDateTime now) {
        List<RelocationEntity> rows = getEntityManager().createNativeQuery("SELECT * FROM {h-schema}relocation "
                        + "WHERE state IN ('PENDING', 'RUNNING', 'COMPENSATING') AND next_run_at <= ?1 "
                        + "AND (lease_until IS NULL OR lease_until < ?1) ORDER BY next_run_at LIMIT 1 "
                        + "FOR UPDATE SKIP LOCKED", RelocationEntity.class)
                .setParameter(1, now).getResultList();
        return rows.stream().findFirst();
    }

    /** Leases this worker still holds from before a restart (the same worker name: instance name and machine): free them at once. */
    public int releaseLeasesOf(String owner) {
        return update("leaseOwner = null, leaseUntil = null where leaseOwner = ?1 and state in ?2", owner, ACTIVE);
    }
}
