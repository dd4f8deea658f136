package org.edgemec.platform.proxy.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.platform.config.OperatorConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the operator bearer token on {@link OperatorOnly} resources; 401 ProblemDetails otherwise. */
// application scoped: created lazily, after the runtime configuration (OperatorConfig) exists
@ApplicationScoped
@Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class OperatorTokenFilter implements ContainerRequestFilter {

    private final OperatorConfig operator;

    public OperatorTokenFilter(OperatorConfig operator) {
        this.operator = operator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("an 'Authorization: Bearer <operator token>' header is required");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(operator.token().getBytes(StandardCharsets.UTF_8), given)) {
            throw new UnauthorizedException("invalid operator token");
        }
    }
}
