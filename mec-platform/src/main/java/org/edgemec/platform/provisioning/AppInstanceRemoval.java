package org.edgemec.platform.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.platform.persistence.AppInstanceRepository;
import org.edgemec.platform.servicemgmt.ServiceInfoService;
import org.edgemec.platform.steering.SteeringService;
import org.jboss.logging.Logger;

/**
 * Removes an app instance from the host: its services first (subscribers learn they are gone), then the instance
 * with its registration, rules, subscriptions, termination and credentials (foreign keys cascade). A relocation
 * steering still in force at that point (deprovisioning with keepSteering) stays, with the proxy entries it needs.
 */
@ApplicationScoped
public class AppInstanceRemoval {

    private static final Logger LOG = Logger.getLogger(AppInstanceRemoval.class);

    private final ServiceInfoService services;
    private final AppInstanceRepository instances;
    private final SteeringService steerings;

    public AppInstanceRemoval(ServiceInfoService services, AppInstanceRepository instances,
                              SteeringService steerings) {
        this.services = services;
        this.instances = instances;
        this.steerings = steerings;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String appInstanceId) {
        services.removeAllOf(appInstanceId);
        steerings.detachFromInstance(appInstanceId);
        if (instances.deleteById(appInstanceId)) {
            LOG.infof("app instance %s removed from this host", appInstanceId);
        }
    }
}
