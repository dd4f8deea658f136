package org.edgemec.platform.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.edgemec.common.error.UnauthorizedException;

import java.net.URI;

/**
 * Authentication of the Mp1 APIs (app instance and app provider bearer tokens) and of the provisioning API (operator
 * token). Authorisation (an app only touches its own resources) is {@link AppAccess#require(String)} in the services.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Mp1AuthFilter implements ContainerRequestFilter {

    static final String PROVISIONING = "/mec_platform_mgmt/";
    /** The token endpoint and the key set that verifies its tokens: public. */
    static final String TOKEN_PATH = "/mec_platform_mgmt/v1/oauth/";

    private final Mp1Authenticator authenticator;
    private final CredentialHandoffs handoffs;

    public Mp1AuthFilter(Mp1Authenticator authenticator, CredentialHandoffs handoffs) {
        this.authenticator = authenticator;
        this.handoffs = handoffs;
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
            String appInstanceId = authenticator.authenticateApp(() -> bearer(request));
            if (appInstanceId == null) {
                return; // security off, or a provider token (its instances are never relocated)
            }
            // an app relocated from here keeps this host's Mp1 URL: send it on to the platform it now lives on
            handoffs.movedTo(appInstanceId).ifPresent(movedTo -> request.abortWith(Response
                    .temporaryRedirect(redirect(movedTo, request)).build()));
        }
    }

    /** The same path and query on the other platform (307: method and body are kept). */
    private static URI redirect(String movedTo, ContainerRequestContext request) {
        String base = movedTo.endsWith("/") ? movedTo.substring(0, movedTo.length() - 1) : movedTo;
        URI uri = request.getUriInfo().getRequestUri();
        return URI.create(base + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new UnauthorizedException("an 'Authorization: Bearer <token>' header is required");
        }
        return header.substring(7).trim();
    }
}
