package org.edgemec.mp1api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Progress of one relocation saga in relocation-service, published on the relocation topic after the change
 * committed, keyed by relocationId: {@link #STEP} for every step that ended (with {@code step}, {@code stepState},
 * {@code durationMs}), then one of {@link #COMPLETED}, {@link #FAILED} or {@link #CANCELLED}. {@code downtimeMs} is
 * the relocation's measured freeze-to-serving time when known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelocationEvent(@NotBlank String id, @NotNull OffsetDateTime time, @NotBlank String source,
        @NotBlank String type, @NotBlank String relocationId, @NotBlank String appInstanceId, String sourceHost,
        String targetHost, String steering, String stateTransfer, String state, String step, String stepState,
        Long durationMs, Long downtimeMs, String detail) implements MecEvent {

    public static final String STEP = "edgemec.relocation.step";
    public static final String COMPLETED = "edgemec.relocation.completed";
    public static final String FAILED = "edgemec.relocation.failed";
    public static final String CANCELLED = "edgemec.relocation.cancelled";

    public static RelocationEvent of(String source, String type, String relocationId, String appInstanceId,
            String sourceHost, String targetHost, String steering, String stateTransfer, String state, String step,
            String stepState, Long durationMs, Long downtimeMs, String detail) {
        return new RelocationEvent(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), source, type,
                relocationId, appInstanceId, sourceHost, targetHost, steering, stateTransfer, state, step, stepState,
                durationMs, downtimeMs, detail);
    }
}
