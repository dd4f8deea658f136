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

/** MEC 010-2 Grant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grant(@NotBlank String id, @NotBlank String appInstanceId, @NotBlank String appLcmOpOccId,
        List<@Valid VimConnectionInfoMap> vimConnections, List<@Valid ZoneInfo> zones,
        List<@Valid ZoneGroupInfo> zoneGroups, List<@Valid GrantInfo> addResources,
        List<@Valid GrantInfo> tempResources, List<@Valid GrantInfo> removeResources,
        List<@Valid GrantInfo> updateResources, @Valid VimAssets vimAssets,
        List<@Valid ExtVirtualLinkData> extVirtualLinks, Map<String, Object> additionalParams,
        @JsonProperty("_links") @NotNull @Valid GrantRequest.Links links) {
}
