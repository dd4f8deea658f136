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
 * NFV-IFA 011 ConnectivityType. The files end the layerProtocol enum with "Etc." (package management) or
 * "Etc" (LCM), copied from "etc." of the spec text: not a protocol, not modelled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectivityType(@NotEmpty List<LayerProtocol> layerProtocol, String flowPattern) {

    public enum LayerProtocol {
        @JsonProperty("Ethernet") ETHERNET,
        MPLS,
        ODU2,
        IPV4,
        IPV6,
        @JsonProperty("Pseudo-Wire") PSEUDO_WIRE
    }
}
