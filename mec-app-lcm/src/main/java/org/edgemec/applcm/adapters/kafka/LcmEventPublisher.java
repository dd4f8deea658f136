package org.edgemec.applcm.adapters.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.edgemec.mp1api.events.LcmStateChangedEvent;
import org.jboss.logging.Logger;

/** Publishes LCM state changes on the LCM topic once their transaction committed (never for rolled-back changes). */
@ApplicationScoped
public class LcmEventPublisher {

    private static final Logger LOG = Logger.getLogger(LcmEventPublisher.class);

    private final Emitter<String> emitter;
    private final ObjectMapper json;

    public LcmEventPublisher(@Channel("lcm-events-out") Emitter<String> emitter, ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LcmStateChangedEvent event) {
        try {
            emitter.send(json.writeValueAsString(event));
            LOG.debugf("published %s", event);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("LCM event %s not published: %s", event.id(), e.getMessage());
        }
    }
}
