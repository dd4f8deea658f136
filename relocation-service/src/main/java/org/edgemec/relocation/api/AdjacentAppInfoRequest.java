package org.edgemec.relocation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.edgemec.mp1api.mec021.AdjacentAppInfoNotification;
import org.edgemec.mp1api.mec021.AssociateId;

import java.util.List;

/** Body of POST /ams_ext/v1/adjacent_app_info (not ETSI): the adjacent application instances of an app instance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjacentAppInfoRequest(@NotBlank @Size(max = 128) String appInstanceId,
        @Size(max = 1000) List<@NotNull @Valid AssociateId> associateId,
        @NotEmpty @Size(max = 1000) List<AdjacentAppInfoNotification.@NotNull @Valid AdjacentAppInfo> adjacentAppInfo) {
}
