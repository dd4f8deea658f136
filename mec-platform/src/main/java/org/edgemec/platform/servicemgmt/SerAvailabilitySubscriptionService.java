package org.edgemec.platform.servicemgmt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.mec011.servicemgmt.FilteringCriteria;
import org.edgemec.mp1api.mec011.servicemgmt.SerAvailabilityNotificationSubscription;
import org.edgemec.platform.notification.CallbackNetworks;
import org.edgemec.platform.notification.Stored;
import org.edgemec.platform.persistence.SubscriptionEntity;
import org.edgemec.platform.persistence.SubscriptionRepository;
import org.edgemec.platform.security.AppAccess;

import java.util.List;
import java.util.stream.Stream;

/** SerAvailabilityNotificationSubscriptions of the service management API. */
@ApplicationScoped
@Transactional
public class SerAvailabilitySubscriptionService {

    static final String TYPE = SerAvailabilityNotificationSubscription.TYPE;

    private final SubscriptionRepository subscriptions;
    private final AppAccess access;
    private final JsonColumn json;
    private final NotificationOutbox outbox;
    private final CallbackNetworks callbacks;

    public SerAvailabilitySubscriptionService(SubscriptionRepository subscriptions, AppAccess access,
                                              JsonColumn json, NotificationOutbox outbox,
                                              CallbackNetworks callbacks) {
        this.callbacks = callbacks;
        this.subscriptions = subscriptions;
        this.access = access;
        this.json = json;
        this.outbox = outbox;
    }

    public Stored<SerAvailabilityNotificationSubscription> create(String appInstanceId,
                                                                  SerAvailabilityNotificationSubscription body) {
        access.require(appInstanceId);
        if (!TYPE.equals(body.subscriptionType())) {
            throw new InvalidFieldException("subscriptionType", "must be " + TYPE);
        }
        String callback = callbacks.check(body.callbackReference());
        validate(body.filteringCriteria());
        SerAvailabilityNotificationSubscription stored = new SerAvailabilityNotificationSubscription(TYPE, callback,
                null, body.filteringCriteria());
        SubscriptionEntity entity = SubscriptionEntity.create(appInstanceId, TYPE, callback, json.write(stored));
        subscriptions.persist(entity);
        return new Stored<>(entity.subscriptionId, stored);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stored<SerAvailabilityNotificationSubscription>> list(String appInstanceId) {
        access.require(appInstanceId);
        return subscriptions.list("appInstanceId = ?1 and subscriptionType = ?2 order by createdAt", appInstanceId,
                TYPE).stream().map(this::toStored).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stored<SerAvailabilityNotificationSubscription> get(String appInstanceId, String subscriptionId) {
        access.require(appInstanceId);
        return toStored(find(appInstanceId, subscriptionId));
    }

    public void delete(String appInstanceId, String subscriptionId) {
        access.require(appInstanceId);
        SubscriptionEntity entity = find(appInstanceId, subscriptionId);
        outbox.dropPending(entity.subscriptionId);
        subscriptions.delete(entity);
    }

    /** serInstanceIds, serNames and serCategories are alternatives in the spec: at most one of them. */
    private static void validate(FilteringCriteria filter) {
        if (filter == null) {
            return;
        }
        long alternatives = Stream.of(filter.serInstanceIds(), filter.serNames(), filter.serCategories())
                .filter(l -> l != null && !l.isEmpty()).count();
        if (alternatives > 1) {
            throw new InvalidFieldException("filteringCriteria",
                    "serInstanceIds, serNames and serCategories are mutually exclusive");
        }
    }

    private SubscriptionEntity find(String appInstanceId, String subscriptionId) {
        SubscriptionEntity entity = subscriptions.find("subscriptionId = ?1 and appInstanceId = ?2 "
                + "and subscriptionType = ?3", subscriptionId, appInstanceId, TYPE).firstResult();
        if (entity == null) {
            throw new NotFoundException("subscription " + subscriptionId + " of app instance " + appInstanceId);
        }
        return entity;
    }

    private Stored<SerAvailabilityNotificationSubscription> toStored(SubscriptionEntity entity) {
        return new Stored<>(entity.subscriptionId, json.read(entity.body, SerAvailabilityNotificationSubscription.class));
    }
}
