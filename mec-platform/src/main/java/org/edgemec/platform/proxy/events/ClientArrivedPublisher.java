package org.edgemec.platform.proxy.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.edgemec.mp1api.events.ClientArrivedEvent;
import org.edgemec.platform.proxy.domain.ClientArrived;
import org.jboss.logging.Logger;

/** Publishes "client arrived" on the proxy topic once the arrival is committed. */
@ApplicationScoped
public class ClientArrivedPublisher {

    private static final Logger LOG = Logger.getLogger(ClientArrivedPublisher.class);

    private final Emitter<String> emitter;
    private final ObjectMapper json;
    private final String instanceName;

    public ClientArrivedPublisher(@Channel("proxy-events-out") Emitter<String> emitter, ObjectMapper json,
                                  @ConfigProperty(name = "edgemec.instance-name") String instanceName) {
        this.emitter = emitter;
        this.json = json;
        this.instanceName = instanceName;
    }

    void onArrived(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClientArrived arrived) {
        ClientArrivedEvent event = ClientArrivedEvent.of(instanceName, arrived.clientId(), arrived.proxyName(),
                arrived.handoverId());
        try {
            emitter.send(json.writeValueAsString(event));
            LOG.infof("client %s arrived at %s (handover %s)", arrived.clientId(), arrived.proxyName(),
                    arrived.handoverId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialized", e);
        }
    }
}
