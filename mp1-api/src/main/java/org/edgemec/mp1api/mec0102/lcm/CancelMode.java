package org.edgemec.mp1api.mec0102.lcm;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;
import org.edgemec.mp1api.mec0102.appd.*;

/**
 * MEC 010-2 CancelMode. The OpenAPI file spells the property "CancelMode" and the value FORCED; the data model
 * (clause 6.2.2.32 and AppLcmOpOcc.cancelMode) says "cancelMode" and FORCEFUL: both are read, the file's are written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CancelMode(@JsonProperty("CancelMode") @JsonAlias("cancelMode") @NotNull Mode cancelMode) {

    public enum Mode {
        GRACEFUL, @JsonAlias("FORCEFUL") FORCED
    }
}
