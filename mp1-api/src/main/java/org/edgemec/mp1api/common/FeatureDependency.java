package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;

/** MEC 011 FeatureDependency (identical in AppSupport and the MEC 010-2 AppD). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureDependency(@NotBlank String featureName, @NotBlank String version) {
}
