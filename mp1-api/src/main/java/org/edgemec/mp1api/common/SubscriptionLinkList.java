package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** MEC 011 SubscriptionLinkList (identical in AppSupport and Service Management). MEC 021 has its own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionLinkList(@JsonProperty("_links") @NotNull @Valid Links links) {

    /** Generated name {@code _links}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(@NotNull @Valid LinkType self, List<@Valid Subscription> subscriptions) {
    }

    /** Generated name {@code Subscriptions}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(@NotBlank String href, @NotBlank String subscriptionType) {
    }
}
