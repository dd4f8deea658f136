package org.edgemec.applcm.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.edgemec.applcm.domain.host.MecHost;

/** Extension API body of a MEC host (not an ETSI type). {@code source}: CONFIG or API (read-only). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MecHostInfo(String name, String engineKind, String engineEndpoint, String platformUrl, String zone,
        Integer capacityCpu, Integer capacityMemoryMb, String source) {

    static MecHostInfo of(MecHost h) {
        return new MecHostInfo(h.name(), h.engineKind().name(), h.engineEndpoint().toString(),
                h.platformUrl() == null ? null : h.platformUrl().toString(), h.zone(), h.capacityCpu(),
                h.capacityMemoryMb(), h.source().name());
    }
}
