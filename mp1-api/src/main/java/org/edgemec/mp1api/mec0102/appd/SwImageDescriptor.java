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
 * AppD SwImageDescriptor. The file gives version {@code type: string} and swImage {@code type: object} plus
 * stray {@code items} (Version / SwImageDesc); the declared types win: a version string, one SwImageDesc.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwImageDescriptor(@NotBlank String id, @NotBlank String name, @NotBlank String version,
        @Valid Checksum checksum, @NotBlank String containerFormat, String diskFormat, Double minDisk, Double minRam,
        Double size, @NotNull @Valid SwImageDesc swImage, String operatingSystem,
        List<String> supportedVirtualisationEnvironment) {
}
