package org.edgemec.mp1api.mec021;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.edgemec.mp1api.common.*;

/** MEC 021 AdjacentAppInfoSubscription. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjacentAppInfoSubscription(@NotBlank String subscriptionType, String callbackReference,
        Boolean requestTestNotification, @Valid WebsockNotifConfig websockNotifConfig,
        @JsonProperty("_links") @Valid SelfLinks links, @NotNull @Valid FilterCriteria filterCriteria,
        @Valid TimeStamp expiryDeadline) implements AmsSubscription {

    public static final String TYPE = "AdjacentAppInfoSubscription";

    /** Generated name {@code FilterCriteria1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FilterCriteria(String appInstanceId) {
    }
}
