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

/** NFV-IFA 011 QoS. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QoS(@NotNull Double latency, @NotNull Double packetDelayVariation, Double packetLossRatio) {
}
