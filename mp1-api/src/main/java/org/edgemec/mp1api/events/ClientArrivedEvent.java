package org.edgemec.mp1api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Sent by an edge proxy when a client handed over to it sends its first request there: the handover's source proxy
 * may now remove its copy of the client's state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientArrivedEvent(@NotBlank String id, @NotNull OffsetDateTime time, @NotBlank String source,
        @NotBlank String type, @NotBlank String clientId, @NotBlank String proxyName, String handoverId)
        implements MecEvent {

    public static final String TYPE = "edgemec.proxy.client-arrived";

    public static ClientArrivedEvent of(String source, String clientId, String proxyName, String handoverId) {
        return new ClientArrivedEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), source, TYPE,
                clientId, proxyName, handoverId);
    }
}
