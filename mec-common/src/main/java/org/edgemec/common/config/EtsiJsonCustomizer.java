package org.edgemec.common.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.edgemec.common.json.NoNulStringDeserializer;
import org.edgemec.common.json.UnknownFieldHandler;
import org.edgemec.common.json.UnknownFields;
import org.edgemec.mp1api.Json;

import java.util.Optional;

/**
 * Every service maps ETSI bodies the same way (see {@link Json}); request bodies are read tolerantly (unknown fields
 * ignored and named in a Warning header) unless the request or the configuration asks for strict validation.
 */
@Singleton
public class EtsiJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
        mapper.addHandler(new UnknownFieldHandler(EtsiJsonCustomizer::currentRequest));
        mapper.registerModule(new SimpleModule("edgemec-no-nul").addDeserializer(String.class,
                new NoNulStringDeserializer()));
    }

    private static Optional<UnknownFields> currentRequest() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Optional.empty();
        }
        return Optional.of(container.instance(UnknownFields.class).get());
    }
}
