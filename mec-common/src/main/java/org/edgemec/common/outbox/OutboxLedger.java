package org.edgemec.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The bookkeeping of outbox deliveries: which rows are due, and what happened to each attempt. */
@ApplicationScoped
public class OutboxLedger {

    private static final Logger LOG = Logger.getLogger(OutboxLedger.class);

    private final OutboxRepository outbox;
    private final EntityManager em;
    private final OutboxConfig config;

    public OutboxLedger(OutboxRepository outbox, EntityManager em, OutboxConfig config) {
        this.outbox = outbox;
        this.em = em;
        this.config = config;
    }

    public record Due(String id, String callbackUri, String payload) {
    }

    /**
     * Claims due rows by pushing their next attempt past this run's delivery time, so another replica (SKIP LOCKED)
     * or the next run does not send them twice while they are in flight.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Due> claimDue() {
        OffsetDateTime now = OffsetDateTime.now();
        List<OutboxEntity> rows = em.createNativeQuery("SELECT * FROM {h-schema}notification_outbox WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                        OutboxEntity.class)
                .setParameter(1, now).setParameter(2, config.batchSize()).getResultList();
        List<Due> due = new ArrayList<>();
        OffsetDateTime lease = now.plus(lease(rows.size()));
        for (OutboxEntity row : rows) {
            if (row.expiresAt != null && row.expiresAt.isBefore(now)) {
                row.status = OutboxEntity.EXPIRED;
                LOG.infof("notification %s to %s expired after %d attempts", row.id, row.callbackUri, row.attempts);
                continue;
            }
            row.nextAttemptAt = lease;
            due.add(new Due(row.id, row.callbackUri, row.payload));
        }
        return due;
    }

    @Transactional
    public void delivered(String id) {
        OutboxEntity row = outbox.findById(id);
        if (row != null) {
            row.attempts++;
            row.status = OutboxEntity.DELIVERED;
            row.deliveredAt = OffsetDateTime.now();
            row.lastError = null;
        }
    }

    @Transactional
    public void failed(String id, String error) {
        OutboxEntity row = outbox.findById(id);
        if (row == null) {
            return;
        }
        row.attempts++;
        row.lastError = error;
        if (config.maxAttempts().filter(max -> row.attempts >= max).isPresent()) {
            row.status = OutboxEntity.GIVEN_UP;
            LOG.warnf("notification %s to %s given up after %d attempts: %s", row.id, row.callbackUri, row.attempts,
                    error);
            return;
        }
        row.nextAttemptAt = OffsetDateTime.now().plus(backoff(row.attempts));
        LOG.infof("notification %s to %s failed (attempt %d): %s", row.id, row.callbackUri, row.attempts, error);
    }

    /**
     * A delivery the allow-list refused (the callback's host resolves outside the allowed networks): nothing was sent,
     * and nothing will be: the row is given up at once, with the reason as its last error.
     */
    @Transactional
    public void refused(String id, String reason) {
        OutboxEntity row = outbox.findById(id);
        if (row == null) {
            return;
        }
        row.status = OutboxEntity.GIVEN_UP;
        row.lastError = "refused: " + reason;
        LOG.warnf("notification %s to %s refused and given up: %s", row.id, row.callbackUri, reason);
    }

    /**
     * How long a claimed batch stays with its claimer: the dispatcher sends the rows one after another, each bounded
     * by the timeout for connecting and again for the answer, so the lease covers all of them plus one more; a
     * shorter one let another replica claim the end of a slow batch and deliver it a second time.
     */
    public Duration lease(int rows) {
        return config.timeout().multipliedBy(2L * (Math.max(rows, 0) + 1));
    }

    /** initialBackoff * 2^(attempts-1), capped at maxBackoff. */
    public Duration backoff(int attempts) {
        Duration initial = config.initialBackoff();
        Duration max = config.maxBackoff();
        int shift = Math.min(attempts - 1, 30);
        Duration delay = initial.multipliedBy(1L << Math.max(shift, 0));
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }
}
