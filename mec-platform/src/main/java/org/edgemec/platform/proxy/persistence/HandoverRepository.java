package org.edgemec.platform.proxy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class HandoverRepository implements PanacheRepositoryBase<HandoverEntity, String> {

    public List<HandoverEntity> listPending(String clientId, String sourceProxy) {
        return list("clientId = ?1 and sourceProxy = ?2 and state = 'PENDING'", clientId, sourceProxy);
    }
}
