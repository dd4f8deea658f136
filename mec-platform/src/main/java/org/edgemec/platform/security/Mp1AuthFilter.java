package org.edgemec.platform.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.edgemec.common.error.UnauthorizedException;

/**
 * Authentication of the Mp1 APIs (app instance bearer tokens) and of the provisioning API (operator token).
 * Authorisation (an app only touches its own resources) is {@link Caller#requireOwner(String)} in the services.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Mp1AuthFilter implements ContainerRequestFilter {

    static final String PROVISIONING = "/mec_platform_mgmt/";
    /** The token endpoint and the key set that verifies its tokens: public. */
    static final String TOKEN_PATH = "/mec_platform_mgmt/v1/oauth/";

    private final Mp1Authenticator authenticator;

    public Mp1AuthFilter(Mp1Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String raw = request.getUriInfo().getPath();
        String path = raw.startsWith("/") ? raw : "/" + raw;
        if (path.startsWith(TOKEN_PATH)) {
            return;
        }
        if (path.startsWith(PROVISIONING)) {
            authenticator.requireOperator(bearer(request));
        } else if (path.startsWith("/mec_app_support/") || path.startsWith("/mec_service_mgmt/")) {
            authenticator.authenticateApp(() -> bearer(request));
        }
    }

    private static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new UnauthorizedException("an 'Authorization: Bearer <token>' header is required");
        }
        return header.substring(7).trim();
    }
}
