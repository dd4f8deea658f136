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

/** MEC 011 AppTerminationNotification. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppTerminationNotification(@NotBlank String notificationType,
        @NotNull OperationActionType operationAction, @NotNull Long maxGracefulTimeout,
        @JsonProperty("_links") @NotNull @Valid Links links) {

    public static final String TYPE = "AppTerminationNotification";

    /** Generated name {@code _links2}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(@NotNull @Valid LinkType subscription, @Valid LinkType confirmTermination) {
    }
}
