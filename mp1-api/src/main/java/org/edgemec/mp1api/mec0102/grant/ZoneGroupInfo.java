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

/** MEC 010-2 ZoneGroupInfo. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ZoneGroupInfo(@NotEmpty List<String> zoneId) {
}
