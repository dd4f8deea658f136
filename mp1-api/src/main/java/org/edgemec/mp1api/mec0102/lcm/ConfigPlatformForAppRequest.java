package org.edgemec.mp1api.mec0102.lcm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;
import org.edgemec.mp1api.mec0102.appd.*;

/** MEC 010-2 ConfigPlatformForAppRequest (the platform-configuration part of an AppD). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigPlatformForAppRequest(List<@Valid ServiceDependency> appServiceRequired,
        List<@Valid ServiceDependency> appServiceOptional, List<@Valid ServiceDescriptor> appServiceProduced,
        List<@Valid FeatureDependency> appFeatureRequired, List<@Valid FeatureDependency> appFeatureOptional,
        List<@Valid TransportDependency> transportDependencies, List<@Valid TrafficRuleDescriptor> appTrafficRule,
        @JsonProperty("appDNSRule") List<@Valid DNSRuleDescriptor> appDNSRule, @Valid LatencyDescriptor appLatency,
        @Valid UserContextTransferCapability userContextTransferCapability,
        @Valid AppNetworkPolicy appNetworkPolicy) {
}
