package org.edgemec.platform.servicemgmt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceInfo;
import org.edgemec.platform.persistence.ServiceEntity;
import org.edgemec.platform.persistence.ServiceRepository;

import java.util.List;

/** Service discovery (/services): every authenticated app may look up the services offered on this host. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ServiceDiscovery {

    private final ServiceRepository services;
    private final JsonColumn json;

    public ServiceDiscovery(ServiceRepository services, JsonColumn json) {
        this.services = services;
        this.json = json;
    }

    public List<ServiceInfo> find(ServiceQuery query) {
        return query.run(services).stream().map(e -> json.read(e.body, ServiceInfo.class)).toList();
    }

    public ServiceInfo get(String serviceId) {
        ServiceEntity entity = services.findById(serviceId);
        if (entity == null) {
            throw new NotFoundException("service " + serviceId);
        }
        return json.read(entity.body, ServiceInfo.class);
    }
}
