package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** MEC 011 TransportDependency, also used by the MEC 010-2 AppD. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransportDependency(@NotNull @Valid TransportDescriptor transport,
        @NotEmpty List<SerializerType> serializers, @NotEmpty List<String> labels) {
}
