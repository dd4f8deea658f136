package org.edgemec.relocation.adapters.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.edgemec.mp1api.events.DeviceMobilityEvent;
import org.edgemec.relocation.saga.MobilityTrigger;
import org.jboss.logging.Logger;

/**
 * Device locations from the mobility topic; a redelivered event is harmless (idempotency keys per event). An event
 * that cannot be read is refused (nack): the channel's dead-letter strategy parks it on the topic's {@code .dlq}
 * topic and the consumer goes on.
 */
@ApplicationScoped
public class MobilityEventListener {

    private static final Logger LOG = Logger.getLogger(MobilityEventListener.class);

    private final MobilityTrigger trigger;
    private final ObjectMapper json;

    public MobilityEventListener(MobilityTrigger trigger, ObjectMapper json) {
        this.trigger = trigger;
        this.json = json;
    }

    @Incoming("mobility-events-in")
    @Blocking
    public void onEvent(String payload) {
        DeviceMobilityEvent event;
        try {
            event = json.readValue(payload, DeviceMobilityEvent.class);
        } catch (JsonProcessingException e) {
            throw unreadable("not a DeviceMobilityEvent: " + e.getOriginalMessage());
        }
        if (event.id() == null || event.associateId() == null || !DeviceMobilityEvent.TYPE.equals(event.type())) {
            throw unreadable("a DeviceMobilityEvent needs id, associateId and type " + DeviceMobilityEvent.TYPE);
        }
        try {
            trigger.onDeviceLocated(event);
        } catch (RuntimeException e) {
            // mec-app-lcm unreachable and the like: the event is not retried (the next location update will be)
            LOG.warnf("mobility event %s not acted on: %s", event.id(), e.getMessage());
        }
    }

    private static IllegalArgumentException unreadable(String reason) {
        LOG.warnf("mobility event parked on the dead-letter topic: %s", reason);
        return new IllegalArgumentException(reason);
    }
}
