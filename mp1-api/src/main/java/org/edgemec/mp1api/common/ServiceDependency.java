package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * MEC 011 ServiceDependency, also used by the MEC 010-2 AppD. requestedPermissions has no format in the
 * spec ("left for the data model design stage"), so it is kept as raw JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceDependency(@NotBlank String serName, @Valid CategoryRef serCategory, @NotBlank String version,
        List<@Valid TransportDependency> serTransportDependencies, JsonNode requestedPermissions) {
}
