package org.edgemec.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class SteeringRepository implements PanacheRepositoryBase<SteeringEntity, String> {

    /** Locks the row until the transaction ends, so two PUTs of one instance's steering are applied one by one. */
    public SteeringEntity findForUpdate(String appInstanceId) {
        return findById(appInstanceId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Steerings whose expiresAt has passed; locked, skipping those another replica holds. */
    @SuppressWarnings("unchecked")
    public List<SteeringEntity> claimExpired(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM {h-schema}steering WHERE expires_at IS NOT NULL "
                        + "AND expires_at <= ?1 ORDER BY expires_at LIMIT ?2 FOR UPDATE SKIP LOCKED", SteeringEntity.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** The names of DNS steerings in force at {@code now} that cover {@code domainName} (normalised). */
    /** The names of every DNS steering in force at {@code now}, oldest steering first. */
    public List<SteeringNameEntity> dnsSteerings(OffsetDateTime now) {
        return getEntityManager().createQuery("select n from SteeringNameEntity n join fetch n.steering s "
                        + "where s.strategy = :dns and (s.expiresAt is null or s.expiresAt > :now) "
                        + "order by s.createdAt", SteeringNameEntity.class)
                .setParameter("dns", SteeringEntity.DNS).setParameter("now", now)
                .getResultList();
    }

    public List<SteeringNameEntity> dnsSteeringsOf(String domainName, OffsetDateTime now) {
        return getEntityManager().createQuery("select n from SteeringNameEntity n join fetch n.steering s "
                        + "where n.domainName = :name and s.strategy = :dns "
                        + "and (s.expiresAt is null or s.expiresAt > :now) order by s.createdAt", SteeringNameEntity.class)
                .setParameter("name", domainName).setParameter("dns", SteeringEntity.DNS).setParameter("now", now)
                .getResultList();
    }
}
