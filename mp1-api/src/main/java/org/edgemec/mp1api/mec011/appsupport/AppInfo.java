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

/**
 * MEC 011 AppInfo (Mp1 registration body). appProfile ("can be mapped to EAS profile of TS 129 558")
 * has no schema, so it is raw JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInfo(@NotBlank String appName, String appProvider, @Valid CategoryRef appCategory, String appDId,
        String appInstanceId, @Valid EndPointInfo endpoint, List<@Valid ServiceDependency> appServiceRequired,
        List<@Valid ServiceDependency> appServiceOptional, List<@Valid FeatureDependency> appFeatureRequired,
        List<@Valid FeatureDependency> appFeatureOptional, Boolean isInsByMec,
        com.fasterxml.jackson.databind.JsonNode appProfile) {
}
