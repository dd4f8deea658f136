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

/** MEC 011 TrafficRule. Enum values replace the V3 placeholders (see README). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficRule(@NotBlank String trafficRuleId, @NotNull FilterType filterType, @NotNull Integer priority,
        @NotEmpty List<@Valid TrafficFilter> trafficFilter, @NotNull TrafficAction action,
        @Valid DestinationInterface dstInterface, @NotNull RuleState state) {
}
