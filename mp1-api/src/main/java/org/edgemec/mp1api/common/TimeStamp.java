package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/** ETSI TimeStamp: seconds and nanoseconds since the Unix epoch (both uint32). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimeStamp(@NotNull @PositiveOrZero Long seconds, @NotNull @PositiveOrZero Long nanoSeconds) {

    public static TimeStamp of(Instant instant) {
        return new TimeStamp(instant.getEpochSecond(), (long) instant.getNano());
    }

    public static TimeStamp now() {
        return of(Instant.now());
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds, nanoSeconds);
    }
}
