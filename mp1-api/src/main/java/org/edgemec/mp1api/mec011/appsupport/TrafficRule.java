package org.edgemec.mp1api.mec011.appsupport;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/**
 * MEC 011 TrafficRule. Enum values replace the V3 placeholders (see README). {@code dstInterface} is 0..2 in the ETSI
 * data model and one object in the OpenAPI file: both are read, and one interface is written as the file's object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrafficRule(@NotBlank String trafficRuleId, @NotNull FilterType filterType, @NotNull Integer priority,
        @NotEmpty List<@Valid TrafficFilter> trafficFilter, @NotNull TrafficAction action,
        @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED})
        @Size(max = 2) List<@Valid @NotNull DestinationInterface> dstInterface, @NotNull RuleState state) {
}
