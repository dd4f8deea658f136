package org.edgemec.relocation.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.error.PreconditionFailedException;
import org.edgemec.common.callback.CallbackAllowList;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.SelfLinks;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec021.AmsSubscription;
import org.edgemec.mp1api.mec021.SubscriptionLinkList;
import org.edgemec.mp1api.mec021.TestNotification;
import org.edgemec.relocation.persistence.AmsSubscriptionEntity;
import org.edgemec.relocation.persistence.AmsSubscriptionRepository;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.edgemec.common.rest.EntityTags;

/** MEC 021 subscriptions to AMS notifications: create, read, replace, delete. */
@ApplicationScoped
@Transactional
public class AmsSubscriptionService {

    private static final Logger LOG = Logger.getLogger(AmsSubscriptionService.class);

    private final AmsSubscriptionRepository subscriptions;
    private final NotificationOutbox outbox;
    private final AmsLinks links;
    private final JsonColumn json;
    private final CallbackAllowList callbacks;

    public AmsSubscriptionService(AmsSubscriptionRepository subscriptions, NotificationOutbox outbox, AmsLinks links,
                                  JsonColumn json, CallbackAllowList callbacks) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.links = links;
        this.json = json;
        this.callbacks = callbacks;
    }

    /** The AMS allocates the id; a TestNotification asked for is enqueued with the subscription. */
    public AmsSubscription create(AmsSubscription body) {
        OffsetDateTime now = now();
        SubscriptionRules.check(body, now.toInstant());
        callbacks.check("callbackReference", body.callbackReference());
        String id = UUID.randomUUID().toString();
        AmsSubscription stored = Subscriptions.stored(body, links.subscription(id));
        AmsSubscriptionEntity entity = new AmsSubscriptionEntity();
        entity.subscriptionId = id;
        entity.subscriptionType = stored.subscriptionType();
        entity.createdAt = now;
        entity.version = 1;
        write(entity, stored, now);
        subscriptions.persist(entity);
        if (Subscriptions.requestsTestNotification(stored)) {
            outbox.enqueue(id, stored.callbackReference(),
                    new TestNotification(TestNotification.TYPE, links.notificationLinks(id)));
        }
        LOG.infof("AMS subscription %s (%s) created", id, entity.subscriptionType);
        return stored;
    }

    /** Links to the subscriptions, in creation order; {@code subscriptionType} null: all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionLinkList.Subscription> list(String subscriptionType) {
        return subscriptions.listInCreationOrder(subscriptionType).stream()
                .map(e -> new SubscriptionLinkList.Subscription(links.subscription(e.subscriptionId),
                        e.subscriptionType))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AmsSubscription get(String subscriptionId) {
        return json.read(find(subscriptions.findById(subscriptionId), subscriptionId).body, AmsSubscription.class);
    }

    /**
     * PUT, "replace" semantics: the type is the stored one's, _links.self absent or the resource's own. A new
     * expiryDeadline is warned about afresh.
     */
    public AmsSubscription replace(String subscriptionId, AmsSubscription body) {
        return replace(subscriptionId, body, null).body();
    }

    /** The version of a subscription, its entity tag. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int version(String subscriptionId) {
        return find(subscriptions.findById(subscriptionId), subscriptionId).version;
    }

    /** PUT with {@code If-Match} (null: unconditional); the row is locked from the check to the write. */
    public Versioned<AmsSubscription> replace(String subscriptionId, AmsSubscription body, String ifMatch) {
        AmsSubscriptionEntity entity = find(subscriptions.findForUpdate(subscriptionId), subscriptionId);
        if (!EntityTags.matches(ifMatch, entity.version)) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " does not name the current version "
                    + EntityTags.of(entity.version) + " of subscription " + subscriptionId);
        }
        if (!entity.subscriptionType.equals(body.subscriptionType())) {
            throw new InvalidFieldException("subscriptionType", "must be " + entity.subscriptionType
                    + ", the type of the subscription (got " + body.subscriptionType() + ")");
        }
        String self = links.subscription(subscriptionId);
        SelfLinks given = Subscriptions.links(body);
        if (given != null && given.self() != null && !self.equals(given.self().href())) {
            throw new InvalidFieldException("_links.self.href", "must be absent or " + self);
        }
        OffsetDateTime now = now();
        SubscriptionRules.check(body, now.toInstant());
        callbacks.check("callbackReference", body.callbackReference());
        AmsSubscription stored = Subscriptions.stored(body, self);
        if (!sameInstant(entity.expiryDeadline, deadline(stored))) {
            entity.expiryNotifiedAt = null;
        }
        write(entity, stored, now);
        entity.version++;
        return new Versioned<>(stored, entity.version);
    }

    /** Pending notifications of the subscription are dropped with it. */
    public void delete(String subscriptionId) {
        AmsSubscriptionEntity entity = find(subscriptions.findForUpdate(subscriptionId), subscriptionId);
        subscriptions.delete(entity);
        outbox.dropPending(subscriptionId);
        LOG.infof("AMS subscription %s deleted", subscriptionId);
    }

    private void write(AmsSubscriptionEntity entity, AmsSubscription stored, OffsetDateTime now) {
        entity.appInstanceId = Subscriptions.appInstanceId(stored);
        entity.callbackReference = stored.callbackReference();
        entity.body = json.write(stored);
        entity.expiryDeadline = deadline(stored);
        entity.updatedAt = now;
    }

    private static OffsetDateTime deadline(AmsSubscription s) {
        TimeStamp t = Subscriptions.expiryDeadline(s);
        return t == null ? null : OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
    }

    /** PostgreSQL keeps microseconds: compared at that precision, an unchanged deadline stays unchanged. */
    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null
                : b != null && a.truncatedTo(ChronoUnit.MICROS).isEqual(b.truncatedTo(ChronoUnit.MICROS));
    }

    private static AmsSubscriptionEntity find(AmsSubscriptionEntity entity, String subscriptionId) {
        if (entity == null) {
            throw new NotFoundException("subscription " + subscriptionId + " does not exist");
        }
        return entity;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }
}
