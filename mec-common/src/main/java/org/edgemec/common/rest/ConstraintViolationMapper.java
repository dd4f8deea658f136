package org.edgemec.common.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.stream.Collectors;

/** Bean Validation failures on request bodies and parameters: 400 naming each field and what is wrong with it. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> fieldOf(v) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problems.response(400, "Invalid request", detail, uriInfo.getRequestUri());
    }

    /** "create.body.appName" -> "appName": callers know their body's fields, not our method names. */
    static String fieldOf(ConstraintViolation<?> violation) {
        String[] nodes = violation.getPropertyPath().toString().split("\\.", 3);
        return nodes.length == 3 ? nodes[2] : nodes[nodes.length - 1];
    }
}
