package org.edgemec.relocation.adapters.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.edgemec.mp1api.events.DeviceMobilityEvent;
import org.edgemec.relocation.saga.MobilityTrigger;
import org.jboss.logging.Logger;

/** Device locations from the mobility topic; a redelivered event is harmless (idempotency keys per event). */
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
            LOG.warnf("dropping unreadable mobility event: %s", e.getOriginalMessage());
            return;
        }
        if (event.id() == null || event.associateId() == null || !DeviceMobilityEvent.TYPE.equals(event.type())) {
            LOG.warnf("dropping mobility event without id, associateId or type %s", DeviceMobilityEvent.TYPE);
            return;
        }
        try {
            trigger.onDeviceLocated(event);
        } catch (RuntimeException e) {
            // mec-app-lcm unreachable and the like: the event is not retried (the next location update will be)
            LOG.warnf("mobility event %s not acted on: %s", event.id(), e.getMessage());
        }
    }
}
