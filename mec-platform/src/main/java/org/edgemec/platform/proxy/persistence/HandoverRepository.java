package org.edgemec.platform.proxy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class HandoverRepository implements PanacheRepositoryBase<HandoverEntity, String> {

    public List<HandoverEntity> listPending(String clientId, String sourceProxy) {
        return list("clientId = ?1 and sourceProxy = ?2 and state = 'PENDING'", clientId, sourceProxy);
    }

    /** The PENDING handovers of a client, their rows locked until the transaction ends. */
    public List<HandoverEntity> lockPending(String clientId, String sourceProxy) {
        return find("clientId = ?1 and sourceProxy = ?2 and state = 'PENDING'", clientId, sourceProxy)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The handover, its row locked until the transaction ends (orders, cancels and finalizations serialise). */
    public Optional<HandoverEntity> lock(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Claims handovers that waited too long: PENDING since before {@code pendingBefore}, or PREPARING (abandoned
     * mid-order, e.g. by a restart) since before {@code preparingBefore}. Rows another transaction holds are skipped,
     * so replicas and a concurrent finalization do not collide.
     */
    @SuppressWarnings("unchecked")
    public List<HandoverEntity> claimOverdue(OffsetDateTime pendingBefore, OffsetDateTime preparingBefore, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM {h-schema}proxy_handover WHERE "
                        + "(state = 'PENDING' AND pending_since < ?1) OR (state = 'PREPARING' AND created_at < ?2) "
                        + "ORDER BY created_at LIMIT ?3 FOR UPDATE SKIP LOCKED", HandoverEntity.class)
                .setParameter(1, pendingBefore).setParameter(2, preparingBefore).setParameter(3, limit)
                .getResultList();
    }
}
