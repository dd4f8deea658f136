package org.edgemec.mp1api.mec011.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/**
 * MEC 011 ServiceInfo. serInstanceId shall be absent in POST requests and present otherwise, so it is not
 * constrained here. The schema marks _links required, but a client cannot know them in a POST body; the
 * platform always fills them in responses, so they are not @NotNull here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceInfo(String serInstanceId, @NotBlank String serName, @Valid CategoryRef serCategory,
        @NotBlank String version, @NotNull ServiceState state, String transportId, @Valid TransportInfo transportInfo,
        @NotNull SerializerType serializer, LocalityType scopeOfLocality, Boolean consumedLocalOnly, Boolean isLocal,
        Integer livenessInterval, @JsonProperty("_links") @Valid Links links) {

    /** Generated name {@code _links1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(@NotNull @Valid LinkType self, @Valid LinkType liveness) {
    }
}
