package org.edgemec.platform.appsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.mec011.appsupport.AppTerminationNotificationSubscription;
import org.edgemec.platform.notification.CallbackNetworks;
import org.edgemec.platform.notification.Stored;
import org.edgemec.platform.persistence.SubscriptionEntity;
import org.edgemec.platform.persistence.SubscriptionRepository;
import org.edgemec.platform.security.AppAccess;

import java.util.List;

/** AppTerminationNotificationSubscriptions of the application support API. */
@ApplicationScoped
@Transactional
public class AppSubscriptionService {

    static final String TYPE = AppTerminationNotificationSubscription.TYPE;

    private final SubscriptionRepository subscriptions;
    private final AppAccess access;
    private final JsonColumn json;
    private final NotificationOutbox outbox;
    private final CallbackNetworks callbacks;

    public AppSubscriptionService(SubscriptionRepository subscriptions, AppAccess access, JsonColumn json,
                                  NotificationOutbox outbox, CallbackNetworks callbacks) {
        this.callbacks = callbacks;
        this.subscriptions = subscriptions;
        this.access = access;
        this.json = json;
        this.outbox = outbox;
    }

    public Stored<AppTerminationNotificationSubscription> create(String appInstanceId,
                                                                 AppTerminationNotificationSubscription body) {
        access.require(appInstanceId);
        if (!TYPE.equals(body.subscriptionType())) {
            throw new InvalidFieldException("subscriptionType", "must be " + TYPE);
        }
        if (!appInstanceId.equals(body.appInstanceId())) {
            throw new InvalidFieldException("appInstanceId", "must equal the appInstanceId of the resource URI");
        }
        String callback = callbacks.check(body.callbackReference());
        AppTerminationNotificationSubscription stored = new AppTerminationNotificationSubscription(TYPE, callback,
                null, appInstanceId);
        SubscriptionEntity entity = SubscriptionEntity.create(appInstanceId, TYPE, callback, json.write(stored));
        subscriptions.persist(entity);
        return new Stored<>(entity.subscriptionId, stored);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stored<AppTerminationNotificationSubscription>> list(String appInstanceId) {
        access.require(appInstanceId);
        return ofApp(appInstanceId).stream().map(this::toStored).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stored<AppTerminationNotificationSubscription> get(String appInstanceId, String subscriptionId) {
        access.require(appInstanceId);
        return toStored(find(appInstanceId, subscriptionId));
    }

    public void delete(String appInstanceId, String subscriptionId) {
        access.require(appInstanceId);
        SubscriptionEntity entity = find(appInstanceId, subscriptionId);
        outbox.dropPending(entity.subscriptionId);
        subscriptions.delete(entity);
    }

    /** The app's termination subscriptions, without an access check (used by the platform itself). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionEntity> ofApp(String appInstanceId) {
        return subscriptions.list("appInstanceId = ?1 and subscriptionType = ?2 order by createdAt",
                appInstanceId, TYPE);
    }

    private SubscriptionEntity find(String appInstanceId, String subscriptionId) {
        SubscriptionEntity entity = subscriptions.find("subscriptionId = ?1 and appInstanceId = ?2 "
                + "and subscriptionType = ?3", subscriptionId, appInstanceId, TYPE).firstResult();
        if (entity == null) {
            throw new NotFoundException("subscription " + subscriptionId + " of app instance " + appInstanceId);
        }
        return entity;
    }

    private Stored<AppTerminationNotificationSubscription> toStored(SubscriptionEntity entity) {
        return new Stored<>(entity.subscriptionId, json.read(entity.body, AppTerminationNotificationSubscription.class));
    }
}
