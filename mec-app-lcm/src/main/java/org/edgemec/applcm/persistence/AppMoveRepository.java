package org.edgemec.applcm.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class AppMoveRepository implements PanacheRepositoryBase<AppMoveEntity, String> {

    /** States of a move that is not finished: it blocks other moves and LCM operations of its instance. */
    public static final List<String> UNFINISHED = List.of("PROCESSING", "AWAITING_COMMIT", "ROLLING_BACK");

    public boolean hasUnfinished(String appInstanceId) {
        return count("appInstanceId = ?1 and state in ?2", appInstanceId, UNFINISHED) > 0;
    }

    public List<AppMoveEntity> unfinished(String appInstanceId) {
        return list("appInstanceId = ?1 and state in ?2", appInstanceId, UNFINISHED);
    }

    /**
     * Moves left PROCESSING or ROLLING_BACK whose claim ran out (the replica working on them is gone), locked with
     * {@code FOR UPDATE SKIP LOCKED}: a row another replica is claiming right now is skipped, not waited for. Must
     * run in a transaction that then renews the claim.
     */
    @SuppressWarnings("unchecked")
    public List<AppMoveEntity> lockAbandoned(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM {h-schema}app_move "
                        + "WHERE state IN ('PROCESSING', 'ROLLING_BACK') AND (lease_until IS NULL OR lease_until < ?1) "
                        + "ORDER BY created_at LIMIT ?2 FOR UPDATE SKIP LOCKED", AppMoveEntity.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }
}
