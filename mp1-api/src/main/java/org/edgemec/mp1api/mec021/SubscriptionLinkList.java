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

/** MEC 021 SubscriptionLinkList: differs from MEC 011 (the list is called "subscription"), so its own type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionLinkList(@JsonProperty("_links") @NotNull @Valid Links links) {

    /** Generated name {@code _links1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(@NotNull @Valid LinkType self, List<@Valid Subscription> subscription) {
    }

    /** Generated name {@code Subscription}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(@NotBlank String href, @NotBlank String subscriptionType) {
    }
}
