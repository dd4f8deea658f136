package org.edgemec.applcm.domain.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.persistence.OutboxEntity;
import org.edgemec.applcm.persistence.OutboxRepository;
import org.jboss.logging.Logger;

/**
 * Drains the notification outbox: claims due rows with a lease (so a crash mid-delivery only delays them), posts
 * each outside any transaction, then records success or schedules the next attempt with exponential back-off.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 20;

    private final OutboxRepository outbox;
    private final CallbackClient client;
    private final LcmConfig config;

    public NotificationDispatcher(OutboxRepository outbox, CallbackClient client, LcmConfig config) {
        this.outbox = outbox;
        this.client = client;
        this.config = config;
    }

    record Claimed(String id, String callbackUri, String body, int attempts) {
    }

    @Scheduled(every = "${edgemec.lcm.notify-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void drain() {
        for (Claimed c : claim()) {
            try {
                client.post(URI.create(c.callbackUri()), c.body());
                QuarkusTransaction.requiringNew().run(() -> delivered(c.id()));
            } catch (RuntimeException e) {
                QuarkusTransaction.requiringNew().run(() -> failed(c, e.getMessage()));
            }
        }
    }

    private List<Claimed> claim() {
        Duration lease = config.notifications().timeout().multipliedBy(3);
        return QuarkusTransaction.requiringNew().call(() -> outbox.lockDue(OffsetDateTime.now(), BATCH).stream()
                .map(e -> {
                    e.attempts++;
                    e.nextAttemptAt = OffsetDateTime.now().plus(lease);
                    return new Claimed(e.id, e.callbackUri, e.body, e.attempts);
                }).toList());
    }

    private void delivered(String id) {
        OutboxEntity e = outbox.findById(id);
        if (e != null) {
            e.deliveredAt = OffsetDateTime.now();
            LOG.debugf("notification %s delivered to %s", id, e.callbackUri);
        }
    }

    private void failed(Claimed c, String reason) {
        OutboxEntity e = outbox.findById(c.id());
        if (e == null) {
            return;
        }
        e.lastError = reason;
        if (c.attempts() >= config.notifications().maxAttempts()) {
            e.givenUp = true;
            LOG.warnf("notification %s to %s given up after %d attempts: %s", c.id(), c.callbackUri(),
                    c.attempts(), reason);
            return;
        }
        long factor = 1L << Math.min(c.attempts() - 1, 10);
        e.nextAttemptAt = OffsetDateTime.now().plus(config.notifications().firstRetry().multipliedBy(factor));
        LOG.infof("notification %s to %s failed (attempt %d): %s", c.id(), c.callbackUri(), c.attempts(), reason);
    }
}
