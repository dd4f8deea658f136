package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The generated {@code _linksN} schemas of notifications that only hold {@code subscription}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionLinks(@NotNull @Valid LinkType subscription) {
}
