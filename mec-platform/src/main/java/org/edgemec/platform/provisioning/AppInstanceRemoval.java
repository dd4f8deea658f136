package org.edgemec.platform.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.platform.persistence.AppInstanceRepository;
import org.edgemec.platform.servicemgmt.ServiceInfoService;
import org.jboss.logging.Logger;

/**
 * Removes an app instance from the host: its services first (subscribers learn they are gone), then the instance
 * with its registration, rules, subscriptions, termination and credentials (foreign keys cascade).
 */
@ApplicationScoped
public class AppInstanceRemoval {

    private static final Logger LOG = Logger.getLogger(AppInstanceRemoval.class);

    private final ServiceInfoService services;
    private final AppInstanceRepository instances;

    public AppInstanceRemoval(ServiceInfoService services, AppInstanceRepository instances) {
        this.services = services;
        this.instances = instances;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String appInstanceId) {
        services.removeAllOf(appInstanceId);
        if (instances.deleteById(appInstanceId)) {
            LOG.infof("app instance %s removed from this host", appInstanceId);
        }
    }
}
