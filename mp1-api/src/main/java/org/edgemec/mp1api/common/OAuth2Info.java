package org.edgemec.mp1api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * MEC 011 OAuth2Info. grantTypes is a list in AppSupport/AppD and V2.1.1, a single string in the V3.1.1
 * Service Management file (artefact): always a list here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuth2Info(@NotNull List<GrantType> grantTypes, String tokenEndpoint) {

    /** Values from the description (V3 file has {@code [SEE_DESCRIPTION]}) and V2.1.1. */
    public enum GrantType {
        OAUTH2_AUTHORIZATION_CODE, OAUTH2_IMPLICIT_GRANT, OAUTH2_RESOURCE_OWNER, OAUTH2_CLIENT_CREDENTIALS
    }
}
