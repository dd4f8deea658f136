package org.edgemec.platform.proxy.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.edgemec.common.events.ProcessedEvent;
import org.edgemec.common.events.ProcessedEventRepository;
import org.edgemec.mp1api.events.ClientArrivedEvent;
import org.edgemec.platform.proxy.domain.HandoverService;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;

/** Finalizes the handovers this platform ordered when their target reports the client (once per event id). */
@ApplicationScoped
public class ClientArrivedListener {

    private static final Logger LOG = Logger.getLogger(ClientArrivedListener.class);

    private final ProcessedEventRepository processed;
    private final HandoverService handovers;
    private final ObjectMapper json;

    public ClientArrivedListener(ProcessedEventRepository processed, HandoverService handovers, ObjectMapper json) {
        this.processed = processed;
        this.handovers = handovers;
        this.json = json;
    }

    @Incoming("proxy-events-in")
    @Blocking
    @Transactional
    public void onEvent(String payload) {
        ClientArrivedEvent event;
        try {
            event = json.readValue(payload, ClientArrivedEvent.class);
        } catch (JsonProcessingException e) {
            // refused (nack): the channel's dead-letter strategy parks it on <topic>.dlq and the consumer goes on
            LOG.warnf("proxy event parked on the dead-letter topic: %s", e.getOriginalMessage());
            throw new IllegalArgumentException("not a proxy event: " + e.getOriginalMessage());
        }
        if (event.id() == null) {
            LOG.warnf("proxy event without id parked on the dead-letter topic");
            throw new IllegalArgumentException("a proxy event needs an id");
        }
        if (processed.findByIdOptional(event.id()).isPresent()) {
            return;
        }
        ProcessedEvent record = new ProcessedEvent();
        record.eventId = event.id();
        record.eventType = event.type();
        record.source = event.source();
        record.processedAt = OffsetDateTime.now();
        processed.persist(record);
        if (ClientArrivedEvent.TYPE.equals(event.type()) && event.handoverId() != null) {
            handovers.onClientArrived(event.handoverId());
        }
    }
}
