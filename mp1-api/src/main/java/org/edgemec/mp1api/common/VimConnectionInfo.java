package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/** MEC 010-2 VimConnectionInfo (identical in the LCM and Grant files). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VimConnectionInfo(@NotBlank String id, String vimId, @NotBlank String vimType,
        Map<String, Object> interfaceInfo, Map<String, Object> accessInfo, Map<String, Object> extra) {
}
