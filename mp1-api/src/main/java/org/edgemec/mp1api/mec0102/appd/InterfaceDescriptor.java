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

/** AppD InterfaceDescriptor; differs from MEC 011 DestinationInterface in the casing of MAC/IP, so its own type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InterfaceDescriptor(@NotNull InterfaceType interfaceType, @Valid TunnelInfo tunnelInfo,
        @JsonProperty("srcMACAddress") String srcMACAddress, @JsonProperty("dstMACAddress") String dstMACAddress,
        @JsonProperty("dstIPAddress") String dstIPAddress) {
}
