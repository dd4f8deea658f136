package org.edgemec.applcm.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.EngineProblems;
import org.edgemec.common.rest.Problems;

/**
 * A container engine problem reaching a synchronous answer is never a 500: 502 when the engine refused, 503 when it
 * cannot be reached, 504 when it did not answer in time, the detail naming the engine (and so its host).
 */
@Provider
public class EngineExceptionMapper implements ExceptionMapper<EngineException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(EngineException e) {
        return Problems.response(EngineProblems.status(e), EngineProblems.title(e), e.getMessage(),
                uriInfo.getRequestUri());
    }
}
