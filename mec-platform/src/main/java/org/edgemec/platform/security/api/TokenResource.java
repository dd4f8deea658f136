package org.edgemec.platform.security.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.platform.security.TokenService;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** OAuth 2.0 token endpoint (client credentials grant, RFC 6749 4.4) for the app instances of this host. */
@Path("/mec_platform_mgmt/v1/oauth/token")
public class TokenResource {

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse token(@FormParam("grant_type") String grantType,
                               @FormParam("client_id") String formClientId,
                               @FormParam("client_secret") String formClientSecret,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!"client_credentials".equals(grantType)) {
            throw new InvalidFieldException("grant_type", "must be client_credentials");
        }
        String[] client = authorization != null ? basic(authorization) : new String[]{formClientId, formClientSecret};
        if (client[0] == null || client[1] == null) {
            throw new UnauthorizedException("client credentials required (HTTP Basic or client_id/client_secret)");
        }
        TokenService.IssuedToken issued = tokens.issue(client[0], client[1]);
        return new TokenResponse(issued.accessToken(), "Bearer", issued.expiresInSeconds());
    }

    private static String[] basic(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new UnauthorizedException("the token endpoint takes HTTP Basic client authentication");
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new UnauthorizedException("malformed HTTP Basic credentials");
            }
            return new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("malformed HTTP Basic credentials");
        }
    }
}
