package org.edgemec.platform.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.edgemec.mp1api.common.Addresses;
import org.edgemec.mp1api.common.ServiceDependency;
import org.edgemec.mp1api.mec0102.appd.DNSRuleDescriptor;
import org.edgemec.mp1api.mec0102.appd.ServiceDescriptor;
import org.edgemec.mp1api.mec0102.appd.TrafficRuleDescriptor;

import java.util.List;

/**
 * Body of the provisioning API (docs/provisioning-api.md; not an ETSI type): an app instance the LCM places on
 * this host, with the rules and services of its AppD.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInstanceProvisioning(
        @JsonProperty("appInstanceId") @NotBlank @Size(max = 128) String appInstanceId,
        @JsonProperty("appDId") String appDId,
        @JsonProperty("appName") String appName,
        @JsonProperty("appProvider") String appProvider,
        @JsonProperty("appSoftVersion") String appSoftVersion,
        @JsonProperty("endpoint") @Valid Addresses endpoint,
        @JsonProperty("appTrafficRule") List<@Valid TrafficRuleDescriptor> appTrafficRule,
        @JsonProperty("appDNSRule") List<@Valid DNSRuleDescriptor> appDNSRule,
        @JsonProperty("appServiceRequired") List<@Valid ServiceDependency> appServiceRequired,
        @JsonProperty("appServiceProduced") List<@Valid ServiceDescriptor> appServiceProduced) {
}
