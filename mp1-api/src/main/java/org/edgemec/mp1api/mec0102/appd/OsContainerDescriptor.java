package org.edgemec.mp1api.mec0102.appd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/**
 * NFV-IFA 011 OsContainerDescriptor. The package-management file also lists a property literally named
 * "additionalProperties" (a misplaced JSON Schema keyword, absent from the LCM copy): not modelled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OsContainerDescriptor(@NotBlank String osContainerDescId, @NotBlank String name,
        @NotBlank String description, Integer requestedCpuResources, Double requestedMemoryResources,
        Double requestedEphemeralStorageResources, List<KeyValuePairs> extendedResourceRequests,
        Integer cpuResourceLimit, Double memoryResourceLimit, Double ephemeralStorageResourceLimit,
        Map<String, String> hugePageResources, @Valid VirtualCpuPinningData cpuPinningRequirements,
        @NotNull @Valid SwImageDesc swImageDesc, String bootData,
        List<@Valid MonitoringParameter> monitoringParameters) {
}
