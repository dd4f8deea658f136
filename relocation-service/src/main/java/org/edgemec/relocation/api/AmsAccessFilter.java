package org.edgemec.relocation.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.edgemec.common.error.ProblemStatus;
import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.common.rest.Problems;
import org.edgemec.relocation.config.OperatorConfig;
import org.edgemec.relocation.security.AppTokenVerifier;
import org.edgemec.relocation.security.Caller;

/**
 * Authentication of the MEC 021 API: the operator token, or an app instance's Mp1 bearer token verified with the key
 * set of the platform that issued it. Anything else is a 401 ProblemDetails with a {@code WWW-Authenticate}
 * challenge (RFC 6750), before the body is read. What an app may touch is decided by {@link Caller}.
 */
@ApplicationScoped
@Provider
@AmsAccess
@Priority(Priorities.AUTHENTICATION)
public class AmsAccessFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final OperatorConfig operator;
    private final AppTokenVerifier apps;
    private final Caller caller;

    public AmsAccessFilter(OperatorConfig operator, AppTokenVerifier apps, Caller caller) {
        this.operator = operator;
        this.apps = apps;
        this.caller = caller;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.length() <= BEARER.length()) {
            reject(request, "an 'Authorization: Bearer <operator or app instance token>' header is required");
            return;
        }
        String token = header.substring(BEARER.length()).trim();
        if (MessageDigest.isEqual(operator.token().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            caller.asOperator();
            return;
        }
        Optional<String> app = apps.appInstanceOf(token);
        if (app.isEmpty()) {
            reject(request, "invalid or expired bearer token");
            return;
        }
        caller.asApp(app.get());
    }

    private static void reject(ContainerRequestContext request, String reason) {
        UnauthorizedException e = new UnauthorizedException(reason);
        Response problem = Problems.response(ProblemStatus.of(e), e.title(), e.getMessage(),
                request.getUriInfo().getRequestUri());
        request.abortWith(Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }
}
