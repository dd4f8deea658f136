package org.edgemec.platform.proxy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.platform.proxy.persistence.ProxyServiceEntity;
import org.edgemec.platform.proxy.persistence.ProxyServiceRepository;

import java.util.HashMap;
import java.util.Map;

/** Which provisioned app instance each service host of the catalogue fronts (operator-put services have none). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FrontedInstances {

    private final ProxyServiceRepository services;

    public FrontedInstances(ProxyServiceRepository services) {
        this.services = services;
    }

    /** Service host -> app instance id, now. */
    public Map<String, String> byServiceHost() {
        Map<String, String> out = new HashMap<>();
        for (ProxyServiceEntity e : services.listAll()) {
            if (e.appInstanceId != null) {
                out.put(e.serviceHost, e.appInstanceId);
            }
        }
        return out;
    }
}
