package org.edgemec.relocation.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec021.ExpiryNotification;
import org.edgemec.relocation.config.AmsConfig;
import org.edgemec.relocation.persistence.AmsSubscriptionEntity;
import org.edgemec.relocation.persistence.AmsSubscriptionRepository;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * expiryDeadline of subscriptions: an ExpiryNotification {@code edgemec.ams.expiry-warning} ahead of it, removal
 * once it passed. Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas sharing the schema never warn or remove
 * the same subscription twice. The pending notifications of an expired subscription stay in the outbox: its
 * ExpiryNotification is among them.
 */
@ApplicationScoped
public class SubscriptionExpiry {

    private static final Logger LOG = Logger.getLogger(SubscriptionExpiry.class);
    private static final int BATCH = 100;

    private final AmsSubscriptionRepository subscriptions;
    private final NotificationOutbox outbox;
    private final AmsLinks links;
    private final AmsConfig config;

    public SubscriptionExpiry(AmsSubscriptionRepository subscriptions, NotificationOutbox outbox, AmsLinks links,
                              AmsConfig config) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.links = links;
        this.config = config;
    }

    @Scheduled(every = "${edgemec.ams.expiry-check-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void run() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (AmsSubscriptionEntity e : subscriptions.claimToWarn(now.plus(config.expiryWarning()), BATCH)) {
            outbox.enqueue(e.subscriptionId, e.callbackReference, new ExpiryNotification(ExpiryNotification.TYPE,
                    TimeStamp.now(), links.notificationLinks(e.subscriptionId),
                    TimeStamp.of(e.expiryDeadline.toInstant())));
            e.expiryNotifiedAt = now;
            LOG.infof("AMS subscription %s expires at %s: ExpiryNotification enqueued", e.subscriptionId,
                    e.expiryDeadline);
        }
        for (AmsSubscriptionEntity e : subscriptions.claimExpired(now, BATCH)) {
            subscriptions.delete(e);
            LOG.infof("AMS subscription %s expired and removed", e.subscriptionId);
        }
    }
}
