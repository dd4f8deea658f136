package org.edgemec.mp1api.mec0102.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/** MEC 010-2 ResourceDefinition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceDefinition(@NotBlank String id, @NotNull Type type, String vduId,
        @NotEmpty List<String> resourceTemplateId, @NotNull @Valid Resource resource) {

    /** {@code [SEE_DESCRIPTION]} in the file. */
    public enum Type {
        COMPUTE, STORAGE, LINKPORT, OSCONTAINER
    }
}
