package org.edgemec.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.OffsetDateTime;

/**
 * Consumes the system topic (service start-ups and, later, other platform-wide events) and records each event once,
 * whatever Kafka redelivers.
 */
@ApplicationScoped
public class SystemEventListener {

    private static final Logger LOG = Logger.getLogger(SystemEventListener.class);

    private final ProcessedEventRepository processed;
    private final ObjectMapper json;

    public SystemEventListener(ProcessedEventRepository processed, ObjectMapper json) {
        this.processed = processed;
        this.json = json;
    }

    @Incoming("system-events-in")
    @Blocking
    @Transactional
    public void onEvent(String payload) {
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JsonProcessingException e) {
            LOG.warnf("dropping unreadable system event: %s", e.getOriginalMessage());
            return;
        }
        String id = event.path("id").asText(null);
        if (id == null || id.isBlank()) {
            LOG.warn("dropping system event without id");
            return;
        }
        String type = event.path("type").asText("unknown");
        String source = event.path("source").asText("unknown");
        // one statement, not a look-up then an insert: replicas of a service share this table, and two of them (or a
        // redelivery racing the first delivery) must not both insert; the loser sees 0 rows instead of a key violation
        if (!processed.recordOnce(id, type, source, OffsetDateTime.now())) {
            LOG.debugf("system event %s already processed", id);
            return;
        }
        LOG.infof("system event %s from %s: %s", type, source, id);
    }
}
