package org.edgemec.applcm.domain.provision;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.ServiceDependency;
import org.edgemec.mp1api.mec0102.appd.DNSRuleDescriptor;
import org.edgemec.mp1api.mec0102.appd.ServiceDescriptor;
import org.edgemec.mp1api.mec0102.appd.TrafficRuleDescriptor;

/** Body of the mec-platform provisioning call (docs/provisioning-api.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInstanceProvisioning(String appInstanceId, String appDId, String appName, String appProvider,
        String appSoftVersion, Map<String, Object> endpoint, List<TrafficRuleDescriptor> appTrafficRule,
        List<DNSRuleDescriptor> appDNSRule, List<ServiceDependency> appServiceRequired,
        List<ServiceDescriptor> appServiceProduced) {
}
