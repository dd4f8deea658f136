package org.edgemec.mp1api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A plain event with only the envelope fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaseEvent(@NotBlank String id, @NotNull OffsetDateTime time, @NotBlank String source,
        @NotBlank String type) implements MecEvent {

    public static BaseEvent of(String source, String type) {
        return new BaseEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), source, type);
    }
}
