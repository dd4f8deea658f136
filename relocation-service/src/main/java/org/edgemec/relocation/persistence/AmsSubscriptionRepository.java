package org.edgemec.relocation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class AmsSubscriptionRepository implements PanacheRepositoryBase<AmsSubscriptionEntity, String> {

    private static final Sort ORDER = Sort.by("createdAt").and("subscriptionId");

    private final EntityManager em;

    public AmsSubscriptionRepository(EntityManager em) {
        this.em = em;
    }

    /** In creation order, so that a list is stable between calls; {@code type} null: every type. */
    public List<AmsSubscriptionEntity> listInCreationOrder(String type) {
        return type == null ? listAll(ORDER) : list("subscriptionType", ORDER, type);
    }

    /** Subscriptions of a type whose appInstanceId criterion is absent or the given one. */
    public List<AmsSubscriptionEntity> candidates(String type, String appInstanceId) {
        return list("subscriptionType = ?1 and (appInstanceId is null or appInstanceId = ?2)", ORDER, type,
                appInstanceId);
    }

    public AmsSubscriptionEntity findForUpdate(String subscriptionId) {
        return findById(subscriptionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Rows due for their warning (deadline before {@code warnFrom}), locked, skipping those another replica holds. */
    @SuppressWarnings("unchecked")
    public List<AmsSubscriptionEntity> claimToWarn(OffsetDateTime warnFrom, int limit) {
        return em.createNativeQuery("SELECT * FROM {h-schema}ams_subscription WHERE expiry_deadline IS NOT NULL "
                        + "AND expiry_notified_at IS NULL AND expiry_deadline <= ?1 ORDER BY expiry_deadline "
                        + "LIMIT ?2 FOR UPDATE SKIP LOCKED", AmsSubscriptionEntity.class)
                .setParameter(1, warnFrom).setParameter(2, limit).getResultList();
    }

    /** Rows whose deadline has passed; locked, skipping ones another replica holds. */
    @SuppressWarnings("unchecked")
    public List<AmsSubscriptionEntity> claimExpired(OffsetDateTime now, int limit) {
        return em.createNativeQuery("SELECT * FROM {h-schema}ams_subscription WHERE expiry_deadline IS NOT NULL "
                        + "AND expiry_deadline <= ?1 ORDER BY expiry_deadline LIMIT ?2 FOR UPDATE SKIP LOCKED",
                        AmsSubscriptionEntity.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }
}
