package org.edgemec.mp1api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Sent by every service once at startup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceStartedEvent(@NotBlank String id, @NotNull OffsetDateTime time, @NotBlank String source,
        @NotBlank String type, @NotBlank String instanceName, @NotBlank String version) implements MecEvent {

    public static final String TYPE = "edgemec.service.started";

    public static ServiceStartedEvent of(String source, String instanceName, String version) {
        return new ServiceStartedEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), source,
                TYPE, instanceName, version);
    }
}
