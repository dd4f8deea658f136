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

/** Operational state of an application package ({@code [SEE_DESCRIPTION]} in the file). */
public enum OperationalState {
    ENABLED, DISABLED
}
