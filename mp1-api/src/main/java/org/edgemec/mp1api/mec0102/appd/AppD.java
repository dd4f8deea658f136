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

/** MEC 010-2 application descriptor (AppD), clause 6.2.1.2. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppD(@NotBlank String appDId, @NotBlank String appName, @NotBlank String appProvider,
        @NotBlank String appSoftVersion, @NotBlank String appDVersion, @NotBlank String mecVersion,
        String appInfoName, @NotBlank String appDescription, @Valid VirtualComputeDescriptor virtualComputeDescriptor,
        List<@Valid OsContainerDescriptor> osContainerDescriptor,
        @NotEmpty List<@Valid SwImageDescriptor> swImageDescriptor,
        List<@Valid VirtualStorageDescriptor> virtualStorageDescriptor,
        @NotEmpty List<@Valid AppExternalCpd> appExtCpd, List<@Valid ServiceDependency> appServiceRequired,
        List<@Valid ServiceDependency> appServiceOptional, List<@Valid ServiceDescriptor> appServiceProduced,
        List<@Valid FeatureDependency> appFeatureRequired, List<@Valid FeatureDependency> appFeatureOptional,
        List<@Valid TransportDependency> transportDependencies, List<@Valid TrafficRuleDescriptor> appTrafficRule,
        @JsonProperty("appDNSRule") List<@Valid DNSRuleDescriptor> appDNSRule, @Valid LatencyDescriptor appLatency,
        @Valid TerminateAppInstanceOpConfig terminateAppInstanceOpConfig,
        @Valid ChangeAppInstanceStateOpConfig changeAppInstanceStateOpConfig,
        @Valid UserContextTransferCapability userContextTransferCapability,
        @Valid AppNetworkPolicy appNetworkPolicy, String mciopId, @Valid McioIdentificationData mcioIdentificationData,
        List<@Valid LogicalNodeRequirements> logicalNode,
        List<@Valid RequestedAdditionalCapabilityData> requestAdditionalCapabilities,
        List<String> mcioConstraintParams) {
}
