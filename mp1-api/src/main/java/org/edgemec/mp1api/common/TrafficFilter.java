package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * MEC 011 TrafficFilter, also used by the MEC 010-2 AppD ("as defined in ETSI GS MEC 011"). The MEC 010-2
 * V3.1.1 copy has two more optional lists, uri and packetLabel; one type with both (see README).
 * qCI/dSCP/tC start with a lower-case letter followed by capitals, so the wire names are explicit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficFilter(List<String> srcAddress, List<String> dstAddress, List<String> srcPort,
        List<String> dstPort, List<String> protocol, List<String> tag, List<String> uri, List<String> packetLabel,
        List<String> srcTunnelAddress, List<String> tgtTunnelAddress, List<String> srcTunnelPort,
        List<String> dstTunnelPort, @JsonProperty("qCI") Integer qCI, @JsonProperty("dSCP") Integer dSCP,
        @JsonProperty("tC") Integer tC) {
}
