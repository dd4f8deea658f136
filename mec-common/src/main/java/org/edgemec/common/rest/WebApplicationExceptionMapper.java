package org.edgemec.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Framework-raised errors (unknown path 404, wrong method 405, unsupported media 415, ...) as ProblemDetails too. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST wraps unreadable bodies (malformed JSON) in a plain 400
            return Problems.response(400, "Invalid request body", JsonInputMapper.describe(json),
                    uriInfo.getRequestUri());
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return Problems.response(status, original.getStatusInfo().getReasonPhrase(),
                    "The server could not complete the request.", uriInfo.getRequestUri());
        }
        Response.ResponseBuilder problem = Response.fromResponse(
                Problems.response(status, original.getStatusInfo().getReasonPhrase(), e.getMessage(),
                        uriInfo.getRequestUri()));
        // keep headers such as Allow (405) that the framework set on purpose
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(v -> problem.header(name, v));
            }
        });
        return problem.build();
    }
}
