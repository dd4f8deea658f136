package org.edgemec.applcm.domain.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.edgemec.applcm.persistence.OutboxEntity;
import org.edgemec.applcm.persistence.OutboxRepository;

/** Queues a notification in the transaction of the change it reports, so a change is never announced half. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NotificationOutbox {

    private final OutboxRepository outbox;
    private final ObjectMapper json;

    public NotificationOutbox(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public void enqueue(String subscriptionId, String callbackUri, Object notification) {
        OutboxEntity e = new OutboxEntity();
        e.id = UUID.randomUUID().toString();
        e.subscriptionId = subscriptionId;
        e.callbackUri = callbackUri;
        try {
            e.body = json.writeValueAsString(notification);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("notification cannot be serialized", ex);
        }
        e.attempts = 0;
        e.nextAttemptAt = OffsetDateTime.now();
        e.givenUp = false;
        e.createdAt = OffsetDateTime.now();
        outbox.persist(e);
    }
}
