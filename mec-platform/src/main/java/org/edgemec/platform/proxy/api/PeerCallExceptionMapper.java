package org.edgemec.platform.proxy.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.edgemec.common.rest.Problems;
import org.edgemec.platform.proxy.domain.PeerCallException;

/** A failed peer call as ProblemDetails 502/503/504 naming the peer (mec-common's table has no gateway statuses). */
@Provider
public class PeerCallExceptionMapper implements ExceptionMapper<PeerCallException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(PeerCallException e) {
        return Problems.response(e.status(), e.title(), e.getMessage(), uriInfo.getRequestUri());
    }
}
