package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** MECHostInformation (MEC 021 and MEC 010-2 LCM, same shape). hostId is deployment-specific JSON. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MecHostInformation(String hostName, @NotNull Map<String, Object> hostId) {
}
