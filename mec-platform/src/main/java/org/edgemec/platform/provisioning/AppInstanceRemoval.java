package org.edgemec.platform.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.platform.persistence.SubscriptionEntity;
import org.edgemec.platform.persistence.SubscriptionRepository;
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
    private final SubscriptionRepository subscriptions;
    private final NotificationOutbox outbox;

    public AppInstanceRemoval(ServiceInfoService services, AppInstanceRepository instances,
                              SteeringService steerings, SubscriptionRepository subscriptions,
                              NotificationOutbox outbox) {
        this.services = services;
        this.instances = instances;
        this.steerings = steerings;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String appInstanceId) {
        services.removeAllOf(appInstanceId);
        steerings.detachFromInstance(appInstanceId);
        // its subscriptions go with it (ON DELETE CASCADE); so do the notifications not yet delivered to them
        for (SubscriptionEntity s : subscriptions.list("appInstanceId", appInstanceId)) {
            outbox.dropPending(s.subscriptionId);
        }
        if (instances.deleteById(appInstanceId)) {
            LOG.infof("app instance %s removed from this host", appInstanceId);
        }
    }
}
