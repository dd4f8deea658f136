package org.edgemec.mp1api.mec0102.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/** MEC 010-2 GrantRequest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantRequest(@NotBlank String appInstanceId, @NotBlank String appLcmOpOccId, @NotBlank String appDId,
        @NotNull LcmOperationType operation, List<@Valid ResourceDefinition> addResources,
        List<@Valid ResourceDefinition> tempResources, List<@Valid ResourceDefinition> removeResources,
        List<@Valid ResourceDefinition> updateResources, Map<String, Object> additionalParams,
        @JsonProperty("_links") @NotNull @Valid Links links) {

    /** Generated name {@code _links} (shared by GrantRequest and Grant). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(@NotNull @Valid LinkType appLcmOpOcc, @NotNull @Valid LinkType appInstance) {
    }
}
