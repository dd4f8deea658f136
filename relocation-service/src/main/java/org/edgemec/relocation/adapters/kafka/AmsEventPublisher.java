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
import org.edgemec.mp1api.events.AmsDeviceAttachmentChangedEvent;
import org.edgemec.mp1api.events.AmsRegistrationChangedEvent;
import org.edgemec.mp1api.events.MecEvent;
import org.jboss.logging.Logger;

/**
 * Publishes registration and device attachment changes on the AMS topic once their transaction committed (never for rolled-back ones).
 * The record key is the appMobilityServiceId, so the changes of one registration stay in order.
 */
@ApplicationScoped
public class AmsEventPublisher {

    private static final Logger LOG = Logger.getLogger(AmsEventPublisher.class);

    private final Emitter<String> emitter;
    private final ObjectMapper json;

    public AmsEventPublisher(@Channel("ams-events-out") Emitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AmsRegistrationChangedEvent event) {
        publish(event, event.appMobilityServiceId());
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AmsDeviceAttachmentChangedEvent event) {
        publish(event, event.appMobilityServiceId());
    }

    private void publish(MecEvent event, String key) {
        try {
            Message<String> message = Message.of(json.writeValueAsString(event)).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
            emitter.send(message);
            LOG.debugf("published %s %s", event.type(), key);
        } catch (JsonProcessingException | RuntimeException e) {
            // the change is committed; a lost event must not turn the client's success into an error
            LOG.warnf("AMS event %s not published: %s", event.id(), e.getMessage());
        }
    }
}
