package org.edgemec.common.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.edgemec.common.error.MecException;
import org.edgemec.common.error.ProblemStatus;

/** Domain errors become ProblemDetails with the status of {@link ProblemStatus}. */
@Provider
public class MecExceptionMapper implements ExceptionMapper<MecException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(MecException e) {
        return Problems.response(ProblemStatus.of(e), e.title(), e.getMessage(), uriInfo.getRequestUri());
    }
}
