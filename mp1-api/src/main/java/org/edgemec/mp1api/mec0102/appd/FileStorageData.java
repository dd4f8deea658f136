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

/** NFV-IFA 011 FileStorageData (mandatory attributes as in the LCM file copy). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileStorageData(@NotNull Double sizeOfStorage, @NotBlank String fileSystemProtocol,
        @NotNull @Valid VnfVirtualLinkDesc intVirtualLinkDesc) {
}
