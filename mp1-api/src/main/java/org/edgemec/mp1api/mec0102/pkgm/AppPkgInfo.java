package org.edgemec.mp1api.mec0102.pkgm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/**
 * MEC 010-2 AppPkgInfo. softwareImages/additionalArtifacts have no defined structure in the spec
 * ("for further study"), so their items are raw JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppPkgInfo(@NotBlank String id, @NotBlank String appDId, String appProvider, @NotBlank String appName,
        @NotBlank String appSoftwareVersion, @NotBlank String appDVersion, @NotNull @Valid Checksum checksum,
        String signingCertificate, @NotEmpty List<JsonNode> softwareImages, List<JsonNode> additionalArtifacts,
        @NotNull OnboardingState onboardingState, @NotNull OperationalState operationalState,
        @NotNull UsageState usageState, @NotEmpty List<String> mecInfo, Map<String, Object> userDefinedData,
        @Valid ProblemDetails onboardingFailureDetails, @JsonProperty("_links") @NotNull @Valid Links links) {

    /** Generated name {@code _links}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(@NotNull @Valid LinkType self, @NotNull @Valid LinkType appD,
            @NotNull @Valid LinkType appPkgContent, @Valid LinkType vnfPkgInfo) {
    }
}
