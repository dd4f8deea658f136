package org.edgemec.applcm.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.jpa.SpecHints;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEntity, String> {

    /** Due notifications, locked so that replicas never claim the same row (SKIP LOCKED). */
    public List<OutboxEntity> lockDue(OffsetDateTime now, int limit) {
        return find("deliveredAt is null and givenUp = false and nextAttemptAt <= ?1 order by nextAttemptAt", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2)
                .page(0, limit).list();
    }
}
