package org.edgemec.mp1api.mec011.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/** Filter of SerAvailabilityNotificationSubscription; serInstanceIds/serNames/serCategories are alternatives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilteringCriteria(List<String> serInstanceIds, List<String> serNames,
        List<@Valid CategoryRef> serCategories, List<ServiceState> states, Boolean isLocal) {
}
