package org.edgemec.platform.provider.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /mec_platform_mgmt/v1/app_providers}: the name its apps give as AppInfo appProvider. */
public record AppProviderRequest(@JsonProperty("appProvider") @NotBlank @Size(max = 255) String appProvider) {
}
