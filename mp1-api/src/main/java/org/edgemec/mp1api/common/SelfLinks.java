package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The generated {@code _linksN} schemas that only hold {@code self}; one type for all files. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SelfLinks(@NotNull @Valid LinkType self) {
}
