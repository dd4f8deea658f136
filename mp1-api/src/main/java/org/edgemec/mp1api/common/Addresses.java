package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Host and port. Also the shape of MEC 021 {@code IpAddresses} and MEC 010-2 LCM {@code ipAddresses}
 * (same two required properties), so one type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Addresses(@NotBlank String host, @NotNull Integer port) {
}
