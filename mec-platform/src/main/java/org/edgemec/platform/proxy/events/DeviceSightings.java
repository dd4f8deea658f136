package org.edgemec.platform.proxy.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.edgemec.mp1api.events.DeviceMobilityEvent;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.platform.proxy.domain.LocalProxy;
import org.edgemec.platform.proxy.domain.ProxyRef;
import org.jboss.logging.Logger;

/**
 * A client logging in at an edge proxy is a device seen in that proxy's zone: a {@link DeviceMobilityEvent} (the
 * client's address as its MEC 012 associateId, the assigned proxy's zone, or else the position the client reported)
 * goes to the mobility topic, where relocation-service moves the app instances serving the device towards it. Best
 * effort: a lost event costs one trigger, the next login sends another.
 */
@ApplicationScoped
public class DeviceSightings {

    private static final Logger LOG = Logger.getLogger(DeviceSightings.class);

    private final Emitter<String> emitter;
    private final ObjectMapper json;
    private final String source;

    public DeviceSightings(@Channel("mobility-events-out") Emitter<String> emitter, ObjectMapper json,
                           @ConfigProperty(name = "edgemec.instance-name") String source) {
        this.emitter = emitter;
        this.json = json;
        this.source = source;
    }

    public void seen(String clientAddress, ProxyRef assigned, Optional<LocalProxy.Position> reported) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return;
        }
        AssociateId device = new AssociateId(clientAddress.contains(":") ? AssociateId.Type.UE_IPV6_ADDRESS
                : AssociateId.Type.UE_IPv4_ADDRESS, clientAddress);
        DeviceMobilityEvent event;
        if (assigned.zone().isPresent()) {
            event = DeviceMobilityEvent.inZone(source, device, assigned.zone().get());
        } else if (reported.isPresent()) {
            event = DeviceMobilityEvent.at(source, device, reported.get().latitude(), reported.get().longitude());
        } else {
            return;
        }
        try {
            emitter.send(Message.of(json.writeValueAsString(event)).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(clientAddress).build()));
            LOG.debugf("device %s seen at proxy %s (%s)", clientAddress, assigned.name(),
                    event.zone() != null ? "zone " + event.zone() : "position");
        } catch (Exception e) {
            LOG.warnf("device sighting of %s not published: %s", clientAddress, e.getMessage());
        }
    }
}
