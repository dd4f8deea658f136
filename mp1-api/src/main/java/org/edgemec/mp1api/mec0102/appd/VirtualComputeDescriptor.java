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

/** ETSI NFV-IFA 011 VirtualComputeDescriptor as used by the AppD. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VirtualComputeDescriptor(@NotBlank String virtualComputeDescId,
        List<@Valid LogicalNodeRequirements> logicalNode,
        List<@Valid RequestedAdditionalCapabilityData> requestAdditionalCapabilities,
        List<String> computeRequirements, @NotNull @Valid VirtualMemoryData virtualMemory,
        @NotNull @Valid VirtualCpuData virtualCpu, List<@Valid BlockStorageData> virtualDisk) {
}
