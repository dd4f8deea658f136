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

/** AppD TrafficRuleDescriptor (MEC 011 TrafficRule without state, with InterfaceDescriptor). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficRuleDescriptor(@NotBlank String trafficRuleId, @NotNull FilterType filterType,
        @NotNull Integer priority, @NotEmpty List<@Valid TrafficFilter> trafficFilter, @NotNull TrafficAction action,
        @Valid InterfaceDescriptor dstInterface) {
}
