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

/** MEC 010-2 AppPkgFilter; appPkgInfoId and appDId are alternatives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppPkgFilter(String appPkgInfoId, String appDId, String appProvider, String appName,
        String appSoftwareVersion, String appDVersion, OperationalState operationalState, UsageState usageState) {
}
