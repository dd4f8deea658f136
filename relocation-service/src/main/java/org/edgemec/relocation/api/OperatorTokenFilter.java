package org.edgemec.relocation.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.edgemec.common.error.ProblemStatus;
import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.common.rest.Problems;
import org.edgemec.relocation.config.OperatorConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the operator bearer token on {@link OperatorOnly} resources before the body is read; 401 ProblemDetails
 * with a {@code WWW-Authenticate} challenge (RFC 6750) otherwise.
 */
// application scoped: created lazily, after the runtime configuration (OperatorConfig) exists
@ApplicationScoped
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final OperatorConfig operator;

    public OperatorTokenFilter(OperatorConfig operator) {
        this.operator = operator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            reject(request, "an 'Authorization: Bearer <operator token>' header is required");
            return;
        }
        byte[] given = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(operator.token().getBytes(StandardCharsets.UTF_8), given)) {
            reject(request, "invalid operator token");
        }
    }

    private static void reject(ContainerRequestContext request, String reason) {
        UnauthorizedException e = new UnauthorizedException(reason);
        Response problem = Problems.response(ProblemStatus.of(e), e.title(), e.getMessage(),
                request.getUriInfo().getRequestUri());
        request.abortWith(Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }
}
