package org.edgemec.applcm.api;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code package_content/upload_from_uri} (extension in the style of ETSI NFV SOL005 UploadVnfPkgFromUriRequest). */
public record UploadFromUriRequest(@NotBlank String addressInformation, String userName, String password) {
}
