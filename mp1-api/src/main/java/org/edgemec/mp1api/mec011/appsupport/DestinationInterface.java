package org.edgemec.mp1api.mec011.appsupport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/** MEC 011 DestinationInterface (MEC 010-2 has the differently-cased InterfaceDescriptor). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DestinationInterface(@NotNull InterfaceType interfaceType, @Valid TunnelInfo tunnelInfo,
        String srcMacAddress, String dstMacAddress, String dstIpAddress) {
}
