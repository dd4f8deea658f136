package org.edgemec.mp1api.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An app instance's Mp1 identity as it moves between hosts: its OAuth 2.0 client id, the hash of its secret (the
 * secret itself is only ever handed to the app) and the public keys whose tokens it may present. The source platform
 * exports it ({@code GET /mec_platform_mgmt/v1/app_instances/{id}/credential_handoff}); the target adopts it in the
 * provisioning, so the credentials in the restored container's environment, and the tokens it holds, keep working.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialHandoff(
        @JsonProperty("clientId") @NotBlank @Size(max = 64) String clientId,
        @JsonProperty("clientSecretHash") @NotBlank @Size(max = 128) String clientSecretHash,
        @JsonProperty("tokenKeys") @NotNull @Size(max = 16) List<@Valid @NotNull TokenKey> tokenKeys) {

    /** A token signing key: tokens with this issuer, signed by this RSA public key (X.509 SubjectPublicKeyInfo, base64). */
    public record TokenKey(
            @JsonProperty("issuer") @NotBlank @Size(max = 255) String issuer,
            @JsonProperty("publicKey") @NotBlank @Size(max = 4096) String publicKey) {
    }
}
