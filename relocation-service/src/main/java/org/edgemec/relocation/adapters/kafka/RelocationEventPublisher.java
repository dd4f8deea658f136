package org.edgemec.relocation.adapters.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.edgemec.mp1api.events.RelocationEvent;
import org.jboss.logging.Logger;

/** Publishes relocation progress on the relocation topic once the step's record committed, keyed by relocation. */
@ApplicationScoped
public class RelocationEventPublisher {

    private static final Logger LOG = Logger.getLogger(RelocationEventPublisher.class);

    private final Emitter<String> emitter;
    private final ObjectMapper json;

    public RelocationEventPublisher(@Channel("relocation-events-out") Emitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RelocationEvent event) {
        try {
            emitter.send(Message.of(json.writeValueAsString(event)).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(event.relocationId()).build()));
        } catch (JsonProcessingException | RuntimeException e) {
            // the step is recorded; the API shows it even when the event is lost
            LOG.warnf("relocation event %s not published: %s", event.id(), e.getMessage());
        }
    }
}
