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

/** MEC 010-2 AppPkgSubscriptionLinkList. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppPkgSubscriptionLinkList(@JsonProperty("_links") @NotNull @Valid Links links) {

    /** Generated name {@code _links2}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(@NotNull @Valid LinkType self, List<@Valid Subscription> subscriptions) {
    }

    /** Generated name {@code Subscriptions}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(@NotBlank String href, @NotNull AppPkgSubscriptionType subscriptionType) {
    }
}
