package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * MEC 011 TunnelInfo, also used by the MEC 010-2 AppD, which adds tunnelSpecificData and makes both
 * addresses mandatory. One type: the MEC 011 (looser) constraints, plus the optional extra attribute.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TunnelInfo(@NotNull TunnelType tunnelType, String tunnelDstAddress, String tunnelSrcAddress,
        Map<String, Object> tunnelSpecificData) {

    /** V3 files: {@code [SEE_DESCRIPTION]}; values from the MEC 011 description and V2.1.1. */
    public enum TunnelType {
        GTP_U, GRE
    }
}
