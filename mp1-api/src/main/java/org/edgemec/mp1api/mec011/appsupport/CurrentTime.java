package org.edgemec.mp1api.mec011.appsupport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/** MEC 011 CurrentTime. timeSourceStatus is {@code ["source"]} in the V3 file; real values from the description. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CurrentTime(@NotNull Long seconds, @NotNull Long nanoSeconds, @NotNull TimeSourceStatus timeSourceStatus) {

    public enum TimeSourceStatus {
        TRACEABLE, NONTRACEABLE
    }
}
