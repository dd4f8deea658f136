package org.edgemec.common.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Wrong types, unknown fields, unknown enum values. Quarkus REST has a built-in mapper for exactly this type whose
 * answer is no ProblemDetails; a user mapper of the same type replaces it.
 */
@Provider
public class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(MismatchedInputException e) {
        return Problems.response(400, "Invalid request body", JsonInputMapper.describe(e), uriInfo.getRequestUri());
    }
}
