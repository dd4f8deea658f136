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

/** One changed service in a ServiceAvailabilityNotification. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceReferences(@Valid LinkType link, @NotBlank String serName, @NotBlank String serInstanceId,
        @NotNull ServiceState state, @NotNull ChangeType changeType) {

    /** V3 file: {@code [SEE_DESCRIPTION]}; values from the description. */
    public enum ChangeType {
        ADDED, REMOVED, STATE_CHANGED, ATTRIBUTES_CHANGED
    }
}
