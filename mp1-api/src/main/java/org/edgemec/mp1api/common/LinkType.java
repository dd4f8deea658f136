package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;

/** A hyperlink. The MEC 010-2 Grant file omits {@code format: uri}; same wire shape, one type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkType(@NotBlank String href) {
}
