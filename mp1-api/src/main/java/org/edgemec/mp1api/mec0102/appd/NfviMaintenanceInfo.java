package org.edgemec.mp1api.mec0102.appd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/**
 * NFV-IFA 011 NfviMaintenanceInfo. The two "number of instances" attributes are lists (0..N) as in IFA 011
 * and the package-management file; the LCM file copy makes them single objects (artefact, see README).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NfviMaintenanceInfo(@NotNull Double impactNotificationLeadTime, Boolean isImpactMitigationRequested,
        List<MigrationType> supportedMigrationType, Double maxUndetectableInterruptionTime,
        Double minRecoveryTimeBetweenImpacts, List<@Valid MaxNumberOfImpactedInstances> maxNumberOfImpactedInstances,
        List<@Valid MinNumberOfPreservedInstances> minNumberOfPreservedInstances) {

    public enum MigrationType {
        NO_MIGRATION, OFFLINE_MIGRATION, LIVE_MIGRATION
    }
}
