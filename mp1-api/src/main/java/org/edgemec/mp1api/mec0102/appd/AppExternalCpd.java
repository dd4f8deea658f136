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

/** AppD AppExternalCpd; the attributes inherited from IFA 011 Cpd are one free-form object in the file. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppExternalCpd(List<@Valid VirtualNetworkInterfaceRequirements> virtualNetworkInterfaceRequirements,
        List<@Valid AdditionalServiceData> additionalServiceData,
        @JsonProperty("inherited_attributes") @NotNull Map<String, Object> inheritedAttributes) {
}
