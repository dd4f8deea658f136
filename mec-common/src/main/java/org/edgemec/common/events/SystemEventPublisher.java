package org.edgemec.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.edgemec.mp1api.events.ServiceStartedEvent;
import org.jboss.logging.Logger;

/** Announces on the system topic that this service instance started, so operators and peers see it come up. */
@ApplicationScoped
public class SystemEventPublisher {

    private static final Logger LOG = Logger.getLogger(SystemEventPublisher.class);

    private final Emitter<String> emitter;
    private final ObjectMapper json;
    private final String instanceName;
    private final String version;

    public SystemEventPublisher(@Channel("system-events-out") Emitter<String> emitter, ObjectMapper json,
                                @ConfigProperty(name = "edgemec.instance-name") String instanceName,
                                @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.emitter = emitter;
        this.json = json;
        this.instanceName = instanceName;
        this.version = version;
    }

    void onStart(@Observes StartupEvent start) {
        publish(ServiceStartedEvent.of(instanceName, instanceName, version));
    }

    public void publish(Object event) {
        try {
            emitter.send(json.writeValueAsString(event));
            LOG.infof("published %s", event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialized", e);
        }
    }
}
