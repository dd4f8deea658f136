package org.edgemec.platform.servicemgmt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.SubscriptionLinks;
import org.edgemec.mp1api.mec011.servicemgmt.FilteringCriteria;
import org.edgemec.mp1api.mec011.servicemgmt.SerAvailabilityNotificationSubscription;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceAvailabilityNotification;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceInfo;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceReferences;
import org.edgemec.platform.notification.Mp1Links;
import org.edgemec.platform.persistence.SubscriptionEntity;
import org.edgemec.platform.persistence.SubscriptionRepository;

import java.util.List;

/** Puts a ServiceAvailabilityNotification into the outbox for every subscription whose filter matches a change. */
@ApplicationScoped
public class ServiceAvailabilityNotifier {

    private final SubscriptionRepository subscriptions;
    private final NotificationOutbox outbox;
    private final JsonColumn json;
    private final Mp1Links links;

    public ServiceAvailabilityNotifier(SubscriptionRepository subscriptions, NotificationOutbox outbox,
                                       JsonColumn json, Mp1Links links) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.json = json;
        this.links = links;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String ownerAppInstanceId, ServiceInfo service, ServiceReferences.ChangeType change) {
        List<SubscriptionEntity> all = subscriptions.list("subscriptionType", SerAvailabilityNotificationSubscription.TYPE);
        for (SubscriptionEntity entity : all) {
            SerAvailabilityNotificationSubscription subscription = json.read(entity.body,
                    SerAvailabilityNotificationSubscription.class);
            if (!matches(subscription.filteringCriteria(), service)) {
                continue;
            }
            ServiceReferences reference = new ServiceReferences(
                    new LinkType(links.service(ownerAppInstanceId, service.serInstanceId())), service.serName(),
                    service.serInstanceId(), service.state(), change);
            ServiceAvailabilityNotification notification = new ServiceAvailabilityNotification(
                    ServiceAvailabilityNotification.TYPE, List.of(reference), new SubscriptionLinks(
                    new LinkType(links.serviceSubscription(entity.appInstanceId, entity.subscriptionId))));
            outbox.enqueue(entity.subscriptionId, entity.callbackReference, notification);
        }
    }

    static boolean matches(FilteringCriteria filter, ServiceInfo service) {
        if (filter == null) {
            return true;
        }
        if (notEmpty(filter.serInstanceIds()) && !filter.serInstanceIds().contains(service.serInstanceId())) {
            return false;
        }
        if (notEmpty(filter.serNames()) && !filter.serNames().contains(service.serName())) {
            return false;
        }
        if (notEmpty(filter.serCategories()) && (service.serCategory() == null || filter.serCategories().stream()
                .noneMatch(c -> c.id().equals(service.serCategory().id())))) {
            return false;
        }
        if (notEmpty(filter.states()) && !filter.states().contains(service.state())) {
            return false;
        }
        return filter.isLocal() == null || filter.isLocal().equals(Boolean.TRUE.equals(service.isLocal()));
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
