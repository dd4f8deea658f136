package org.edgemec.platform.proxy.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.common.outbox.OutboxConfig;
import org.edgemec.mp1api.events.ClientArrivedEvent;
import org.edgemec.platform.proxy.domain.ClientArrived;
import org.edgemec.platform.proxy.persistence.ProxyEventEntity;
import org.edgemec.platform.proxy.persistence.ProxyEventRepository;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxy's Kafka outbox (table {@code proxy_event_outbox}): an event is written in the transaction of the change it
 * reports, and {@link ProxyEventDispatcher} publishes it from there until the broker acknowledges it. Backoff, batch
 * size, attempt timeout and retention are those of mec-common's notification outbox ({@code edgemec.outbox.*}).
 */
@ApplicationScoped
public class ProxyEventOutbox {

    private static final Logger LOG = Logger.getLogger(ProxyEventOutbox.class);

    private final ProxyEventRepository rows;
    private final OutboxConfig config;
    private final ObjectMapper json;
    private final String instanceName;

    public ProxyEventOutbox(ProxyEventRepository rows, OutboxConfig config, ObjectMapper json,
                            @ConfigProperty(name = "edgemec.instance-name") String instanceName) {
        this.rows = rows;
        this.config = config;
        this.json = json;
        this.instanceName = instanceName;
    }

    public record Due(String id, String payload) {
    }

    /** Synchronous observer: runs inside the transaction that flipped the client's {@code arrived} flag. */
    void onArrived(@Observes ClientArrived arrived) {
        ClientArrivedEvent event = ClientArrivedEvent.of(instanceName, arrived.clientId(), arrived.proxyName(),
                arrived.handoverId());
        ProxyEventEntity row = new ProxyEventEntity();
        row.id = event.id();
        row.eventType = event.type();
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialized", e);
        }
        row.status = ProxyEventEntity.PENDING;
        row.createdAt = OffsetDateTime.now();
        row.nextAttemptAt = row.createdAt;
        row.expiresAt = row.createdAt.plus(config.retention());
        rows.persist(row);
        LOG.infof("client %s arrived at %s (handover %s): event %s recorded", arrived.clientId(), arrived.proxyName(),
                arrived.handoverId(), event.id());
    }

    /**
     * Claims due rows (FOR UPDATE SKIP LOCKED) by pushing their next attempt past this run's publishing time, so that
     * another replica or the next run does not publish them while they are in flight.
     */
    @Transactional
    public List<Due> claimDue() {
        OffsetDateTime now = OffsetDateTime.now();
        List<Due> due = new ArrayList<>();
        OffsetDateTime lease = now.plus(config.timeout().multipliedBy(2));
        for (ProxyEventEntity row : rows.claimDue(now, config.batchSize())) {
            if (row.expiresAt != null && row.expiresAt.isBefore(now)) {
                row.status = ProxyEventEntity.EXPIRED;
                LOG.warnf("proxy event %s (%s) expired unpublished after %d attempts: %s", row.id, row.eventType,
                        row.attempts, row.lastError);
                continue;
            }
            row.nextAttemptAt = lease;
            due.add(new Due(row.id, row.payload));
        }
        return due;
    }

    @Transactional
    public void sent(String id) {
        ProxyEventEntity row = rows.findById(id);
        if (row != null) {
            row.attempts++;
            row.status = ProxyEventEntity.SENT;
            row.sentAt = OffsetDateTime.now();
            LOG.debugf("proxy event %s published (attempt %d)", id, row.attempts);
        }
    }

    @Transactional
    public void failed(String id, String error) {
        ProxyEventEntity row = rows.findById(id);
        if (row == null) {
            return;
        }
        row.attempts++;
        row.lastError = error;
        Duration delay = backoff(row.attempts);
        row.nextAttemptAt = OffsetDateTime.now().plus(delay);
        LOG.infof("proxy event %s not published (attempt %d), retry in %s: %s", id, row.attempts, delay, error);
    }

    /** initialBackoff * 2^(attempts-1), capped at maxBackoff (as mec-common's OutboxLedger). */
    Duration backoff(int attempts) {
        Duration delay = config.initialBackoff().multipliedBy(1L << Math.max(Math.min(attempts - 1, 30), 0));
        return delay.compareTo(config.maxBackoff()) > 0 || delay.isNegative() ? config.maxBackoff() : delay;
    }

    Duration attemptTimeout() {
        return config.timeout();
    }
}
