package org.edgemec.relocation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.mp1api.mec021.MobilityStatus;
import org.edgemec.mp1api.mec021.TargetAppInfo;

import java.util.List;

/** Body of POST /ams_ext/v1/mobility_procedures (not ETSI): one step of a mobility procedure of an app instance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MobilityProcedureRequest(@NotBlank @Size(max = 128) String appInstanceId,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid AssociateId> associateId,
        @NotNull MobilityStatus mobilityStatus, @Valid TargetAppInfo targetAppInfo) {
}
