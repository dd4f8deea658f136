package org.edgemec.applcm.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PkgSubscriptionRepository implements PanacheRepositoryBase<PkgSubscriptionEntity, String> {
}
