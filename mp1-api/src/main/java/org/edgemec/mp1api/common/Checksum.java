package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;

/** MEC 010-2 Checksum; ChecksumData of the AppD has the same shape, so both names map here. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checksum(@NotBlank String algorithm, @NotBlank String hash) {
}
