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

/** AppD DNSRuleDescriptor (MEC 011 DnsRule without state). ipAddressType is {@code [IP_V4]} in the file. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DNSRuleDescriptor(@NotBlank String dnsRuleId, @NotBlank String domainName,
        @NotNull IpAddressType ipAddressType, @NotBlank String ipAddress, Integer ttl) {
}
