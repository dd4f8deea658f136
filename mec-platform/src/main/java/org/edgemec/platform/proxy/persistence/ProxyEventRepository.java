package org.edgemec.platform.proxy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class ProxyEventRepository implements PanacheRepositoryBase<ProxyEventEntity, String> {

    /** Due PENDING rows, locked; rows another dispatcher (replica) holds are skipped. */
    @SuppressWarnings("unchecked")
    public List<ProxyEventEntity> claimDue(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM {h-schema}proxy_event_outbox WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                        ProxyEventEntity.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }
}
