package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** MEC 011 TransportDescriptor, also used by the MEC 010-2 AppD. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransportDescriptor(@NotBlank String name, String description, @NotNull TransportType type,
        @NotBlank String protocol, @NotBlank String version, @NotNull @Valid SecurityInfo security,
        Map<String, Object> implSpecificInfo) {
}
