package org.edgemec.relocation.dashboard;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * A browser's EventSource cannot send an Authorization header: on {@code /dashboard/v1/} the operator token may come
 * as the query parameter {@code token}, checked afterwards like the header by the operator filter. (A token in a URL
 * can end up in logs and history: it is for the operator's own browser.)
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class DashboardTokenParameter implements ContainerRequestFilter {

    /** The query parameter that carries the operator token. */
    public static final String NAME = "token";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String token = request.getUriInfo().getQueryParameters().getFirst(NAME);
        if (token != null && path.startsWith("/dashboard/v1/")
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
    }
}
