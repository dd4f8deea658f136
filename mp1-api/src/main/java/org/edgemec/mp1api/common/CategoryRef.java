package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;

/** MEC 011 CategoryRef, also used by the MEC 010-2 AppD (which drops {@code format: uri} on href). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CategoryRef(@NotBlank String href, @NotBlank String id, @NotBlank String name,
        @NotBlank String version) {
}
