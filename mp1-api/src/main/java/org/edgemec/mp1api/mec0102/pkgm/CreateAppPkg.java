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

/** MEC 010-2 CreateAppPkg (body of POST /app_packages). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateAppPkg(@NotBlank String appPkgName, @NotBlank String appPkgVersion, String appProvider,
        @NotNull @Valid Checksum checksum, Map<String, Object> userDefinedData, @NotBlank String appPkgPath) {
}
