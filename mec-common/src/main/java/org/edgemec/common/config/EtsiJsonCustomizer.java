package org.edgemec.common.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.edgemec.mp1api.Json;

/** Every service maps ETSI bodies the same way (strict on unknown fields, ISO dates): see {@link Json}. */
@Singleton
public class EtsiJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
