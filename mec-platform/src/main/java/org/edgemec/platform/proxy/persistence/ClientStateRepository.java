package org.edgemec.platform.proxy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class ClientStateRepository implements PanacheRepositoryBase<ClientStateEntity, ClientStateEntity.Key> {

    public List<ClientStateEntity> listExpired(OffsetDateTime now) {
        return list("expiresAt is not null and expiresAt < ?1", now);
    }

    /** The state row, locked until the transaction ends (concurrent handovers of one client serialise on it). */
    public java.util.Optional<ClientStateEntity> lock(ClientStateEntity.Key key) {
        return findByIdOptional(key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public List<ClientStateEntity> listByProxy(String proxyName) {
        return list("key.proxyName = ?1 order by key.clientId", proxyName);
    }

    /** Marks the first request of a handed-over client; true only for the one caller that flipped the flag. */
    public boolean markArrived(ClientStateEntity.Key key) {
        return update("arrived = true, updatedAt = ?1 where key.proxyName = ?2 and key.clientId = ?3"
                + " and arrived = false and handoverId is not null", OffsetDateTime.now(), key.proxyName(), key.clientId()) == 1;
    }
}
