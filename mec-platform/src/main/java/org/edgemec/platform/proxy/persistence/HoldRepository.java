package org.edgemec.platform.proxy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HoldRepository implements PanacheRepositoryBase<HoldEntity, String> {
}
