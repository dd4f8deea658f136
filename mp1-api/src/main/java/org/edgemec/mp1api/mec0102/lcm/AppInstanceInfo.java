package org.edgemec.mp1api.mec0102.lcm;

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

/** MEC 010-2 AppInstanceInfo. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInstanceInfo(@NotBlank String id, String appInstanceName, String appInstanceDescription,
        @NotBlank String appDId, @NotBlank String appProvider, @NotBlank String appName,
        @NotBlank String appSoftVersion, @NotBlank String appDVersion, @NotBlank String appPkgId,
        List<@Valid VimConnectionInfoMap> vimConnectionInfo, String nsInstanceId, String vnfInstanceId,
        @NotNull InstantiationState instantiationState, @Valid InstantiatedAppState instantiatedAppState,
        @Valid CommunicationInterface communicationInterface, @JsonProperty("_links") @NotNull @Valid Links links) {

    /** Generated name {@code _links}; configure_platform_for_app is the wire name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(@NotNull @Valid LinkType self, @Valid LinkType instantiate, @Valid LinkType terminate,
            @Valid LinkType operate,
            @JsonProperty("configure_platform_for_app") @Valid LinkType configurePlatformForApp) {
    }
}
