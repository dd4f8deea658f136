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
 * NFV-IFA 011 SwImageDesc. swImage refers to SwImageDesc itself in the file (the IFA 011 attribute is a
 * reference to the image artifact); modelled as written, so a value nests one level deeper each time.
 * It is required by the schema, which would make every instance infinite: not @NotNull here (see README).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwImageDesc(@NotBlank String id, @NotBlank String name, @NotBlank String version,
        @Valid Checksum checksum, @NotBlank String containerFormat, String diskFormat, Double minDisk, Double minRam,
        Double size, @Valid SwImageDesc swImage, String operatingSystem,
        List<String> supportedVirtualisationEnvironment) {
}
