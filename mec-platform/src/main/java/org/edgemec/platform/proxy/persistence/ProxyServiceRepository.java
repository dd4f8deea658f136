package org.edgemec.platform.proxy.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProxyServiceRepository implements PanacheRepositoryBase<ProxyServiceEntity, String> {
}
