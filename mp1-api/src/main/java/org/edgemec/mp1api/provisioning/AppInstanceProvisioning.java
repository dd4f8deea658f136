package org.edgemec.mp1api.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.edgemec.mp1api.common.ServiceDependency;
import org.edgemec.mp1api.mec0102.appd.DNSRuleDescriptor;
import org.edgemec.mp1api.mec0102.appd.ServiceDescriptor;
import org.edgemec.mp1api.mec0102.appd.TrafficRuleDescriptor;

/**
 * Body of {@code POST /mec_platform_mgmt/v1/app_instances}: an app instance the LCM places on a host, with the rules
 * and services of its AppD. {@code endpoint} is absent while the container is not started yet. {@code credentials},
 * given when the instance arrives from another host, makes it keep the Mp1 identity it had there instead of getting
 * fresh credentials.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInstanceProvisioning(
        @JsonProperty("appInstanceId") @NotBlank @Size(max = 128) String appInstanceId,
        @JsonProperty("appDId") @Size(max = 255) String appDId,
        @JsonProperty("appName") @Size(max = 255) String appName,
        @JsonProperty("appProvider") @Size(max = 255) String appProvider,
        @JsonProperty("appSoftVersion") @Size(max = 255) String appSoftVersion,
        @JsonProperty("endpoint") @Valid AppEndpoint endpoint,
        @JsonProperty("appTrafficRule") List<@Valid TrafficRuleDescriptor> appTrafficRule,
        @JsonProperty("appDNSRule") List<@Valid DNSRuleDescriptor> appDNSRule,
        @JsonProperty("appServiceRequired") List<@Valid ServiceDependency> appServiceRequired,
        @JsonProperty("appServiceProduced") List<@Valid ServiceDescriptor> appServiceProduced,
        @JsonProperty("credentials") @Valid CredentialHandoff credentials) {

    public AppInstanceProvisioning(String appInstanceId, String appDId, String appName, String appProvider,
            String appSoftVersion, AppEndpoint endpoint, List<TrafficRuleDescriptor> appTrafficRule,
            List<DNSRuleDescriptor> appDNSRule, List<ServiceDependency> appServiceRequired,
            List<ServiceDescriptor> appServiceProduced) {
        this(appInstanceId, appDId, appName, appProvider, appSoftVersion, endpoint, appTrafficRule, appDNSRule,
                appServiceRequired, appServiceProduced, null);
    }

    public AppInstanceProvisioning withEndpoint(AppEndpoint newEndpoint) {
        return new AppInstanceProvisioning(appInstanceId, appDId, appName, appProvider, appSoftVersion, newEndpoint,
                appTrafficRule, appDNSRule, appServiceRequired, appServiceProduced, credentials);
    }

    /** The same provisioning adopting the Mp1 identity the instance had on its previous host. */
    public AppInstanceProvisioning withCredentials(CredentialHandoff handoff) {
        return new AppInstanceProvisioning(appInstanceId, appDId, appName, appProvider, appSoftVersion, endpoint,
                appTrafficRule, appDNSRule, appServiceRequired, appServiceProduced, handoff);
    }
}
