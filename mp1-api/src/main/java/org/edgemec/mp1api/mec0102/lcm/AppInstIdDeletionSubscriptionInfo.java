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

/** MEC 010-2 AppInstIdDeletionSubscriptionInfo. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInstIdDeletionSubscriptionInfo(@NotBlank String id, @NotBlank String subscriptionType,
        @NotBlank String callbackUri, @Valid AppInstanceSubscriptionFilter appInstanceSubscriptionFilter,
        @JsonProperty("_links") @NotNull @Valid SelfLinks links) {
}
