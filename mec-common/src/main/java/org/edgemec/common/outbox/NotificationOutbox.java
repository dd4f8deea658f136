package org.edgemec.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes notifications into the outbox in the transaction of the change they report: the change and its
 * notification commit together, and {@link OutboxDispatcher} delivers them later, across restarts.
 */
@ApplicationScoped
public class NotificationOutbox {

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final OutboxConfig config;

    public NotificationOutbox(OutboxRepository outbox, ObjectMapper json, OutboxConfig config) {
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String enqueue(String subscriptionId, String callbackUri, Object notification) {
        OutboxEntity row = new OutboxEntity();
        row.id = UUID.randomUUID().toString();
        row.subscriptionId = subscriptionId;
        row.callbackUri = callbackUri;
        try {
            row.payload = json.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification not serialisable", e);
        }
        OffsetDateTime now = OffsetDateTime.now();
        row.attempts = 0;
        row.createdAt = now;
        row.nextAttemptAt = now;
        row.expiresAt = now.plus(config.retention());
        row.status = OutboxEntity.PENDING;
        outbox.persist(row);
        return row.id;
    }

    /** A deleted subscription gets nothing more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dropPending(String subscriptionId) {
        outbox.delete("subscriptionId = ?1 and status = ?2", subscriptionId, OutboxEntity.PENDING);
    }
}
