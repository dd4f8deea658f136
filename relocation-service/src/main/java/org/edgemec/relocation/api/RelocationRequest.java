package org.edgemec.relocation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.relocation.saga.StateTransfer;
import org.edgemec.relocation.saga.Steering;

/**
 * Body of {@code POST /relocation/v1/relocations}: which app instance, where to (a named {@code targetHost}, or a
 * {@code placement} policy), how its clients are steered and how its state moves (defaults from configuration), and
 * optionally the devices (MEC 012 associateId) the move is for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelocationRequest(@NotBlank @Size(max = 128) String appInstanceId, @Size(max = 128) String targetHost,
                                @Valid Placement placement, Steering steering, StateTransfer stateTransfer,
                                @Size(max = 1000) List<@NotNull @Valid AssociateId> associateId) {

    public enum Policy { NAMED, NEAREST, LEAST_LOADED }

    /** NAMED: {@code targetHost}. NEAREST: the host of {@code zone}, or of the zone nearest to {@code position}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Placement(@NotNull Policy policy, @Size(max = 128) String zone, @Valid Position position) {
    }

    public record Position(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                           @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    public RelocationRequest withDefaults(Steering defaultSteering, StateTransfer defaultTransfer) {
        Placement p = placement != null ? placement : new Placement(Policy.NAMED, null, null);
        return new RelocationRequest(appInstanceId, targetHost, p, steering != null ? steering : defaultSteering,
                stateTransfer != null ? stateTransfer : defaultTransfer, associateId == null ? List.of() : associateId);
    }
}
