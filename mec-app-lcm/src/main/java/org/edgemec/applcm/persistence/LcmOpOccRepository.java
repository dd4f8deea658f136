package org.edgemec.applcm.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LcmOpOccRepository implements PanacheRepositoryBase<LcmOpOccEntity, String> {

    /** Operations not yet COMPLETED or FAILED block further operations on the instance. */
    public boolean hasOpenOperation(String appInstanceId) {
        return count("appInstanceId = ?1 and operationState in ('STARTING', 'PROCESSING', 'FAILED_TEMP')",
                appInstanceId) > 0;
    }
}
