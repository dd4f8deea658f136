package org.edgemec.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AppProviderRepository implements PanacheRepositoryBase<AppProviderEntity, String> {
}
